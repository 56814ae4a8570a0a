import type { Redis } from 'ioredis';

/** "Has any vault process seen this jti?", answered atomically across processes. */
export interface ReplayCache {
  /** true for the first claim of `jti` within `ttlMs`, false for every later one. */
  claim(jti: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the commit failed for a reason a retry may fix). */
  release(jti: string): Promise<void>;
  seen(jti: string): Promise<boolean>;
  /** The Redis key of a claim (for a script that checks and claims in the same round trip). */
  keyFor(jti: string): string;
}

/** SET NX PX: one round trip, atomic in Redis, expires with the session that made the JWE valid. */
export class RedisReplayCache implements ReplayCache {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async claim(jti: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.set(this.#prefix + jti, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }
  async release(jti: string): Promise<void> {
    await this.#redis.del(this.#prefix + jti);
  }
  keyFor(jti: string): string {
    return this.#prefix + jti;
  }
  async seen(jti: string): Promise<boolean> {
    return (await this.#redis.exists(this.#prefix + jti)) === 1;
  }
}
