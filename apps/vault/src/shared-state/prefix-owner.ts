import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A value only this master key produces (an HMAC under its derived data key), never the key itself. */
export const keyCheckValue = (dataKey: Buffer): string =>
  createHmac('sha256', dataKey).update('tokenframe/redis-prefix-owner/v1').digest('base64url');

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type PrefixOwnership = 'ours' | 'claimed' | 'rotated' | 'foreign';

/**
 * Two deployments sharing one Redis prefix with different master keys would each write CVC key
 * generations the other cannot unwrap: every tokenization of one of them fails. So the first
 * vault on a prefix stores a key-check value under `<prefix>key-check`, and every later start
 * compares: the same master key (or a previous one, during a rotation: then the value is
 * rewritten) is ours; anything else is another deployment's prefix.
 */
export async function claimPrefix(redis: Redis, prefix: string, current: Buffer, previous: readonly Buffer[]): Promise<PrefixOwnership> {
  const key = `${prefix}key-check`;
  const mine = keyCheckValue(current);
  if ((await redis.set(key, mine, 'NX')) === 'OK') return 'claimed';
  const held = (await redis.get(key)) ?? '';
  if (same(held, mine)) return 'ours';
  if (previous.some((p) => same(held, keyCheckValue(p)))) {
    await redis.set(key, mine);
    return 'rotated';
  }
  return 'foreign';
}
