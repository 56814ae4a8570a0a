/**
 * Size and format bounds for everything the guards accept. Generous for honest peers, small enough
 * that a hostile sender cannot make a guard (or whatever runs after it) do real work.
 */
export const LIMITS = {
  mountId: /^[A-Za-z0-9_-]{8,64}$/,
  version: /^\d{1,3}\.\d{1,3}$/,
  /** Brand / network ids from @tokenframe/card, e.g. `visa`, `cartes_bancaires`, `unknown`. */
  brandId: /^[a-z_]{1,32}$/,
  tokenId: /^tok_[A-Za-z0-9_-]{1,128}$/,
  last4: /^\d{4}$/,
  /** camelCase CSS property names; the allowlist itself lives with the style validator. */
  styleProperty: /^[a-zA-Z]{1,40}$/,
  maxRequestId: 2 ** 31 - 1,
  maxMessage: 1000,
  maxShortText: 200,
  maxCode: 64,
  maxUrl: 512,
  maxSessionId: 256,
  maxStyleEntries: 64,
  maxStyleValue: 200,
  maxFonts: 8,
  maxNetworks: 8,
  maxLocale: 35,
  maxPostal: 32,
  maxFrameHeight: 10_000,
  minExpYear: 2000,
  maxExpYear: 2200,
  maxEpochMs: 8.64e15,
} as const;
