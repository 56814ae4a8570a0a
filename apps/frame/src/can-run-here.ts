/**
 * A frame refuses to run — error state, nothing posted — when embedded in an opaque origin (a
 * sandboxed iframe without allow-same-origin: BroadcastChannel and storage are not ours there and
 * origin checks cannot work) or without WebCrypto (sealing needs crypto.subtle, a secure context).
 */
export function canRunHere(win: { origin: string; crypto?: Crypto; isSecureContext?: boolean; BroadcastChannel?: unknown }): boolean {
  return win.origin !== 'null' && win.isSecureContext !== false && typeof win.crypto?.subtle === 'object' && typeof win.BroadcastChannel === 'function';
}
