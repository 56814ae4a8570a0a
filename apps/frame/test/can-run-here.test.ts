import { webcrypto } from 'node:crypto';
import { expect, test } from 'vitest';
import { canRunHere, type FrameGlobals } from '../src/can-run-here';

/** A framed window on the frames origin, as a real browser shows it; each row breaks one thing. */
function framed(change: Partial<FrameGlobals> = {}): FrameGlobals {
  return { origin: 'http://127.0.0.1:4001', parent: {}, crypto: webcrypto as Crypto, isSecureContext: true, BroadcastChannel, ...change };
}

test.each<[string, (w: FrameGlobals) => FrameGlobals, boolean]>([
  ['framed by a page, everything available', (w) => w, true],
  ['opened at top level (parent is the window itself)', (w) => Object.assign(w, { parent: w }), false],
  ['sandboxed: opaque origin', (w) => ({ ...w, origin: 'null' }), false],
  ['not a secure context', (w) => ({ ...w, isSecureContext: false }), false],
  ['no WebCrypto', (w) => ({ ...w, crypto: undefined }), false],
  ['no BroadcastChannel', (w) => ({ ...w, BroadcastChannel: undefined }), false],
])('%s → %s', (_label, change, expected) => {
  expect(canRunHere(change(framed()))).toBe(expected);
});
