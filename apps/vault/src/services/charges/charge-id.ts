import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `ch_` + 16 base62 characters (≈ 95 bits), 19 characters in all: it is also the processor's
 * `orderid`, so it stays within the gateway's short order-id field and needs no URL escaping.
 */
export function newChargeId(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 4 × 62: no modulo bias
    out += ALPHABET[b % 62];
    if (out.length === 16) break;
  }
  return out.length === 16 ? `ch_${out}` : newChargeId();
}
