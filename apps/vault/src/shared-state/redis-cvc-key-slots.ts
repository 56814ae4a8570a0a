import type { Redis } from 'ioredis';
import type { CvcKeySlots } from './cvc-key-slots';

/** GET, compare, SET KEEPTTL in one script: Redis runs scripts atomically, so no write lands between the read and the replace. */
const COMPARE_AND_SET = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') return 1 end return 0`;

/**
 * CVC key slots in Redis, shared by every vault process. Each slot is a string key with an
 * absolute expiry (`PXAT`, Redis's own clock: the backstop if no sweep runs), listed in a sorted
 * set scored by its destroy time so the purge sweep deletes expired slots by the vault's clock
 * without scanning the keyspace. Redis 6.2+ (PXAT, KEEPTTL, Lua).
 */
export class RedisCvcKeySlots implements CvcKeySlots {
  readonly kind = 'redis';
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #index: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = `${prefix}cvc-key:`;
    this.#index = `${prefix}cvc-keys`;
  }

  keyOf(name: string): string {
    return this.#prefix + name;
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#prefix + name)) ?? undefined;
  }

  /** SET NX, the read-back and the index entry in one MULTI: of two processes creating a slot at once, both get the winner's value. */
  async putIfAbsent(name: string, value: string, destroyAt: number): Promise<string> {
    const key = this.#prefix + name;
    const replies = await this.#redis
      .multi()
      .set(key, value, 'PXAT', Math.ceil(destroyAt), 'NX')
      .get(key)
      .zadd(this.#index, destroyAt, name)
      .exec();
    const [err, held] = replies?.[1] ?? [new Error('MULTI was discarded'), null];
    if (err) throw err;
    // null: the slot's PXAT was already past by Redis's clock (it expired at once). Nothing usable is stored.
    if (typeof held !== 'string')
      throw new Error(`CVC key slot ${name} expired as it was written: is the vault's clock far behind Redis's?`);
    return held;
  }

  async destroyExpired(now: number): Promise<number> {
    const names = await this.#redis.zrangebyscore(this.#index, '-inf', now);
    if (names.length === 0) return 0;
    await this.#redis
      .multi()
      .del(...names.map((n) => this.#prefix + n))
      .zrem(this.#index, ...names)
      .exec();
    return names.length;
  }

  async names(): Promise<string[]> {
    return this.#redis.zrange(this.#index, 0, -1);
  }

  async replace(name: string, expected: string, value: string): Promise<boolean> {
    return (await this.#redis.eval(COMPARE_AND_SET, 1, this.#prefix + name, expected, value)) === 1;
  }
}
