import { Redis } from 'ioredis';
import type { VaultConfig } from '../config/vault-config';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { MemoryCvcKeySlots, type CvcKeySlots } from './cvc-key-slots';
import { RedisCvcKeySlots } from './redis-cvc-key-slots';
import { claimPrefix, type PrefixOwnership } from './prefix-owner';
import { readRedisSettings, type RedisSettings } from './redis-settings';
import { RedisLimitScript } from './redis-limit-script';
import { RedisReplayCache, type ReplayCache } from './replay-cache';

/**
 * State that must be one state across vault processes: rate-limit counters, the replay fast path
 * and the CVC key generations. With `REDIS_URL` it lives in Redis; without, in this process's
 * memory (correct for one process only — see scale-out-check.ts). The database stays the
 * authority for jti and session uses (they are written in the same transaction as the token);
 * Redis refuses a replayed JWE on any process before the expensive work and holds the counters
 * the limiters share.
 */
export interface SharedState {
  readonly kind: 'memory' | 'redis';
  /** A limiter of `points` per `durationSeconds`, one per (name, points, duration), cached. */
  limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract;
  /** The Redis key (or memory key) a `limiter(name, points, durationSeconds)` keeps `id`'s count under. */
  limitKey(name: string, points: number, durationSeconds: number, id: string): string;
  /** Only with Redis: a process-spanning "first to claim this jti" check. */
  readonly replay: ReplayCache | undefined;
  /** Only with Redis: a walk of limits (and the replay claim) in one round trip, on the limiters' own keys. */
  readonly limitScript: RedisLimitScript | undefined;
  /** Where CVC key generations live: never the database (src/cvc/cvc-key-generations.ts). */
  readonly cvcKeySlots: CvcKeySlots;
  /**
   * With Redis: whether this prefix belongs to this master key (shared-state/prefix-owner.ts);
   * 'memory' without Redis. Rejects when Redis cannot be asked.
   */
  claimPrefix(current: Buffer, previous: readonly Buffer[]): Promise<PrefixOwnership | 'memory'>;
  /** With Redis: its persistence, eviction policy and clock against `now` (for the start report); undefined without. */
  redisSettings(now: () => number): Promise<RedisSettings | undefined>;
  close(): Promise<void>;
}

export function createSharedState(config: VaultConfig['redis']): SharedState {
  const url = config?.url;
  const prefix = config?.prefix ?? 'tf:';
  const limiters = new Map<string, RateLimiterAbstract>();
  // lazyConnect: the CLI opens the vault too and never needs Redis; the first command connects.
  const redis = url ? new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  redis?.on('error', () => undefined); // reported by the command that fails; ioredis reconnects
  return {
    kind: redis ? 'redis' : 'memory',
    replay: redis ? new RedisReplayCache(redis, `${prefix}jti:`) : undefined,
    limitScript: redis ? new RedisLimitScript(redis) : undefined,
    // rate-limiter-flexible's key: `${keyPrefix}:${key}` (RateLimiterAbstract.getKey).
    limitKey: (name, points, durationSeconds, id) => `${prefix}rl:${name}:${points}:${durationSeconds}:${id}`,
    cvcKeySlots: redis ? new RedisCvcKeySlots(redis, prefix) : new MemoryCvcKeySlots(),
    redisSettings: async (now) => (redis ? readRedisSettings(redis, now) : undefined),
    claimPrefix: async (current, previous) => (redis ? claimPrefix(redis, prefix, current, previous) : 'memory'),
    limiter(name, points, durationSeconds) {
      const id = `${name}:${points}:${durationSeconds}`;
      let l = limiters.get(id);
      if (!l) {
        const opts = { keyPrefix: `${prefix}rl:${id}`, points, duration: durationSeconds };
        l = redis ? new RateLimiterRedis({ ...opts, storeClient: redis, useRedisPackage: false }) : new RateLimiterMemory(opts);
        limiters.set(id, l);
      }
      return l;
    },
    async close() {
      if (redis && redis.status !== 'end' && redis.status !== 'wait') await redis.quit().catch(() => redis.disconnect());
      else redis?.disconnect();
    },
  };
}
