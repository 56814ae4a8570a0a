// The field ↔ controller protocol over a real BroadcastChannel (Node's, same semantics as the browser's).
import { afterEach, describe, expect, test } from 'vitest';
import { ControllerPeer } from '../src/mount/controller-peer';
import { FieldPeer } from '../src/mount/field-peer';
import { MountBus } from '../src/mount/mount-bus';
import { isMountMessage, MOUNT_NS } from '../src/mount/mount-message';
import type { AutofillValues, MountStamp } from '../src/mount/mount-message';

const MERCHANT: MountStamp = { pk: 'pk_test_merchant', origin: 'http://localhost:5173', mount: 'mount_aaaaaaaa' };
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

function controller(stamp: MountStamp): ControllerPeer {
  const c = new ControllerPeer(new MountBus(stamp));
  open.push(c);
  return c;
}

function field(stamp: MountStamp, type: 'cardNumber' | 'cardExpiry' | 'cardCvc', value: string, onAutofill?: (v: AutofillValues) => void) {
  const key = type === 'cardNumber' ? 'number' : type === 'cardExpiry' ? 'expiry' : 'cvc';
  const f = new FieldPeer(new MountBus(stamp), type, {
    read: () => ({ [key]: value }),
    onReveal: () => undefined,
    onAutofill: onAutofill ?? (() => undefined),
    onBrand: () => undefined,
  });
  open.push(f);
  return f;
}

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('a field hands its value only to a controller with the same pk, origin and mount', () => {
  test('the matching controller collects every field of its mount', async () => {
    field(MERCHANT, 'cardNumber', '4242 4242 4242 4242');
    field(MERCHANT, 'cardExpiry', '12 / 30');
    const c = controller(MERCHANT);
    await tick();
    const got = await c.collect(300);
    expect(got.fields.sort()).toEqual(['cardExpiry', 'cardNumber']);
    expect(got.values).toEqual({ number: '4242 4242 4242 4242', expiry: '12 / 30' });
  });

  test.each([
    ['another account’s key', { ...MERCHANT, pk: 'pk_test_attacker' }],
    ['another page origin', { ...MERCHANT, origin: 'http://127.0.0.2:5173' }],
    ['a prefix of the page origin', { ...MERCHANT, origin: 'http://localhost:517' }],
  ])('a rogue controller under %s, same mount, receives nothing', async (_name, rogueStamp) => {
    field(MERCHANT, 'cardNumber', '4242 4242 4242 4242');
    const rogue = controller(rogueStamp);
    const legit = controller(MERCHANT);
    // The rogue also listens to the raw channel: it must never see a values message meant for it.
    const raw = new BroadcastChannel(`tf:${MERCHANT.mount}`);
    open.push(raw);
    const seen: unknown[] = [];
    raw.onmessage = (e) => seen.push(e.data);
    await tick();
    expect(rogue.fields).toEqual([]);
    expect(await rogue.collect(200)).toEqual({ fields: [], values: {}, missing: [] });
    await tick();
    expect(seen.filter((m) => isMountMessage(m) && m.kind === 'values')).toEqual([]);
    expect((await legit.collect(300)).values).toEqual({ number: '4242 4242 4242 4242' });
  });

  test('two mounts on one page do not cross', async () => {
    const other = { ...MERCHANT, mount: 'mount_bbbbbbbb' };
    field(MERCHANT, 'cardNumber', '4242 4242 4242 4242');
    field(other, 'cardNumber', '5555 5555 5555 4444');
    const a = controller(MERCHANT);
    const b = controller(other);
    await tick();
    expect((await a.collect(300)).values).toEqual({ number: '4242 4242 4242 4242' });
    expect((await b.collect(300)).values).toEqual({ number: '5555 5555 5555 4444' });
  });

  test('a field that left is no longer waited for', async () => {
    const f = field(MERCHANT, 'cardNumber', '4242');
    const c = controller(MERCHANT);
    await tick();
    expect(c.fields).toEqual(['cardNumber']);
    f.close();
    await tick();
    expect(c.fields).toEqual([]);
  });
});

// Issue #17 finding 5: a field that missed one collection window used to be forgotten for good, and
// every later tokenize sealed the card without its value (no CVC). Only `gone` forgets a field now.
describe('a field that does not answer', () => {
  test('is reported missing, stays in the mount, and is collected again once it answers', async () => {
    field(MERCHANT, 'cardNumber', '4242 4242 4242 4242');
    let hung = false;
    const cvc = new FieldPeer(
      new MountBus(MERCHANT, (name) => {
        const channel = new BroadcastChannel(name);
        const post = channel.postMessage.bind(channel);
        channel.postMessage = (m: unknown) => (hung ? undefined : post(m));
        return channel;
      }),
      'cardCvc',
      { read: () => ({ cvc: '123' }), onReveal: () => undefined, onAutofill: () => undefined, onBrand: () => undefined },
    );
    open.push(cvc);
    const c = controller(MERCHANT);
    await tick();
    expect(c.fields.sort()).toEqual(['cardCvc', 'cardNumber']);
    hung = true;
    expect(await c.collect(200)).toEqual({ fields: ['cardNumber'], values: { number: '4242 4242 4242 4242' }, missing: ['cardCvc'] });
    expect(c.fields.sort()).toEqual(['cardCvc', 'cardNumber']);
    hung = false;
    const again = await c.collect(300);
    expect({ values: again.values, missing: again.missing }).toEqual({
      values: { number: '4242 4242 4242 4242', cvc: '123' },
      missing: [],
    });
  });
});

describe('autofill relay between split fields', () => {
  test.each([
    ['same mount and key', MERCHANT, [{ expiry: '12/30', cvc: '123' }]],
    ['another key', { ...MERCHANT, pk: 'pk_test_attacker' }, []],
    ['another mount', { ...MERCHANT, mount: 'mount_cccccccc' }, []],
  ])('reaches a sibling with %s only', async (_name, stamp, expected) => {
    const got: AutofillValues[] = [];
    const number = field(MERCHANT, 'cardNumber', '');
    field(stamp, 'cardExpiry', '', (v) => got.push(v));
    await tick();
    number.relayAutofill({ expiry: '12/30', cvc: '123' });
    await tick();
    expect(got).toEqual(expected);
  });
});

describe('isMountMessage', () => {
  const base = { ns: MOUNT_NS, ...MERCHANT, from: 'a'.repeat(32) };
  test.each([
    ['rollcall', { ...base, kind: 'rollcall' }, true],
    ['collect', { ...base, kind: 'collect', nonce: 'b'.repeat(32) }, true],
    ['values', { ...base, kind: 'values', to: 'c'.repeat(32), nonce: 'b'.repeat(32), field: 'card', values: { number: '4242' } }, true],
    [
      'values with a co-badged network',
      { ...base, kind: 'values', to: 'c'.repeat(32), nonce: 'b'.repeat(32), field: 'card', values: { number: '4000', network: 'visa' } },
      true,
    ],
    ['network relayed as autofill', { ...base, kind: 'autofill', values: { network: 'visa' } }, false],
    ['wrong namespace', { ...base, ns: 'tokenframe', kind: 'rollcall' }, false],
    ['extra key', { ...base, kind: 'rollcall', extra: 1 }, false],
    ['short nonce', { ...base, kind: 'collect', nonce: 'b' }, false],
    [
      'unknown value key',
      { ...base, kind: 'values', to: 'c'.repeat(32), nonce: 'b'.repeat(32), field: 'card', values: { pin: '1' } },
      false,
    ],
    ['number relayed as autofill', { ...base, kind: 'autofill', values: { number: '4242' } }, false],
    ['unknown field type', { ...base, kind: 'present', field: 'iban' }, false],
    ['unknown kind', { ...base, kind: 'eval' }, false],
    ['not an object', 'rollcall', false],
    ['an array', [base], false],
  ])('%s', (_name, message, ok) => {
    expect(isMountMessage(message)).toBe(ok);
  });
});
