import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyEnv, KeyType } from '../stores/records';

const PREFIX: Record<KeyType, string> = { publishable: 'pk', secret: 'sk' };
const KEY_RE = /^(pk|sk)_(test|live)_([A-Za-z0-9_-]{32})$/;

export interface ParsedKey {
  type: KeyType;
  env: KeyEnv;
}

/** A new API key: prefix + 24 random bytes (192 bits) as base64url. */
export function generateApiKey(type: KeyType, env: KeyEnv): string {
  return `${PREFIX[type]}_${env}_${randomBytes(24).toString('base64url')}`;
}

/** Type and environment from the key's shape, or undefined for anything that is not one of ours. */
export function parseApiKey(key: string): ParsedKey | undefined {
  const m = KEY_RE.exec(key);
  if (!m) return undefined;
  return { type: m[1] === 'pk' ? 'publishable' : 'secret', env: m[2] as KeyEnv };
}

/**
 * Keys are stored as SHA-256, not with a slow password hash: a key carries 192 random bits, so
 * there is nothing to brute-force or look up in a dictionary, and a slow KDF would only add
 * latency to every request. The hash is the lookup index; the final comparison is constant-time.
 */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Length of every key's fixed prefix (`pk_test_`, `sk_live_`, …). */
const PREFIX_LENGTH = 8;

/**
 * What humans see in listings: the fixed prefix and the first 4 random characters (24 bits), enough
 * to tell keys apart and far too little to use. Cut at a fixed length: the random part is base64url
 * and may itself contain `_` (an earlier cut at the last `_` stored most of some keys; migration 5).
 */
export function keyHint(key: string): string {
  return `${key.slice(0, PREFIX_LENGTH + 4)}…`;
}

export function randomId(prefix: string, bytes = 16): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}
