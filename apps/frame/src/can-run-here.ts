/**
 * A frame refuses to run — error state, nothing posted — when opened at top level (no parent page to
 * speak to: `parent` is the window itself, and a HELLO would go to a tab the vault never checked), when
 * embedded in an opaque origin (a sandboxed iframe without allow-same-origin: BroadcastChannel and
 * storage are not ours there and origin checks cannot work) or without WebCrypto (sealing needs
 * crypto.subtle, a secure context).
 */
export interface FrameGlobals {
  origin: string;
  parent: unknown;
  crypto?: Crypto;
  isSecureContext?: boolean;
  BroadcastChannel?: unknown;
}

export function canRunHere(win: FrameGlobals): boolean {
  return (
    win.parent !== win &&
    win.origin !== 'null' &&
    win.isSecureContext !== false &&
    typeof win.crypto?.subtle === 'object' &&
    typeof win.BroadcastChannel === 'function'
  );
}
