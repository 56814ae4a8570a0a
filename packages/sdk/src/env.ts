import type { FrameConnector } from './frame-connection';

/**
 * The browser builtins the SDK relies on, captured once when `load()` runs (never at import, so the
 * package imports cleanly under SSR and in Node). A page script that later replaces `fetch` or
 * `setTimeout` does not change what an already-loaded Tokenframe uses.
 */
export interface Env {
  readonly document: Document;
  /** The merchant page's own origin, sent to the frames origin so it can check it. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly randomId: () => string;
  readonly connect: FrameConnector;
}

export function captureEnv(connect: FrameConnector): Env {
  const g = globalThis;
  const crypto = g.crypto;
  const getRandomValues = crypto.getRandomValues.bind(crypto);
  const setTimeout = g.setTimeout.bind(g);
  return {
    document: g.document,
    origin: g.location.origin,
    fetch: g.fetch.bind(g),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    // 128 random bits as hex: the mount id names the frames' BroadcastChannel.
    randomId: () => Array.from(getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
    connect,
  };
}
