/**
 * Size and format bounds for everything the guards accept. Generous for honest peers, small enough
 * that a hostile sender cannot make a guard (or whatever runs after it) do real work.
 * Each bound is also its own constant, so the page bundle carries only the few it uses as literals.
 */
export const MOUNT_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const VERSION = /^\d{1,3}\.\d{1,3}$/;
/** Brand / network ids from @tokenframe/card, e.g. `visa`, `cartes_bancaires`, `unknown`. */
export const BRAND_ID = /^[a-z_]{1,32}$/;
export const TOKEN_ID = /^tok_[A-Za-z0-9_-]{1,128}$/;
export const LAST4 = /^\d{4}$/;
/** The form of every code in ERROR_CODES (the page checks this form, the frame the closed set). */
export const ERROR_CODE = /^[a-z][a-z_]{0,63}$/;
export const MAX_REQUEST_ID = 2 ** 31 - 1;
export const MAX_MESSAGE = 1000;
export const MAX_SHORT_TEXT = 200;
/** Tokenize extras: `name` is short text, `postal` this long at most (the SDK checks both up front). */
export const MAX_POSTAL = 32;
export const MAX_CODE = 64;
export const MAX_URL = 512;
export const MAX_NETWORKS = 8;
export const MAX_FRAME_HEIGHT = 10_000;
export const MIN_EXP_YEAR = 2000;
export const MAX_EXP_YEAR = 2200;
export const MAX_SESSION_ID = 256;
export const MAX_EPOCH_MS = 8.64e15;

export const LIMITS = {
  mountId: MOUNT_ID,
  version: VERSION,
  brandId: BRAND_ID,
  tokenId: TOKEN_ID,
  last4: LAST4,
  /** camelCase CSS property names; the allowlist itself lives with the style validator. */
  styleProperty: /^[a-zA-Z]{1,40}$/,
  maxRequestId: MAX_REQUEST_ID,
  maxMessage: MAX_MESSAGE,
  maxShortText: MAX_SHORT_TEXT,
  maxCode: MAX_CODE,
  maxUrl: MAX_URL,
  maxSessionId: MAX_SESSION_ID,
  maxStyleEntries: 64,
  maxStyleValue: 200,
  maxFonts: 8,
  maxNetworks: MAX_NETWORKS,
  maxLocale: 35,
  maxPostal: MAX_POSTAL,
  maxFrameHeight: MAX_FRAME_HEIGHT,
  minExpYear: MIN_EXP_YEAR,
  maxExpYear: MAX_EXP_YEAR,
  maxEpochMs: MAX_EPOCH_MS,
} as const;
