import type { Redis } from 'ioredis';

/** What the vault needs to know about its Redis at start (docs/operations.md, "CVC key generations"). */
export interface RedisSettings {
  /**
   * How Redis writes its data to disk, if it does: a CVC key slot written to an RDB snapshot or the
   * AOF outlives its deletion until that file is rewritten and its blocks reused. `undefined` when
   * both are off; 'unknown' when CONFIG is refused (managed Redis) or Redis is unreachable.
   */
  persistence: string | undefined;
  /** `maxmemory-policy` (an evicted CVC key slot is a lost generation); 'unknown' as above. */
  evictionPolicy: string;
  /**
   * Redis's clock minus the vault's, in ms (TIME against the midpoint of the round trip); undefined
   * if TIME failed. Slots expire by Redis's clock (PXAT) and are swept by the vault's: the design
   * allows 60 s between them.
   */
  clockSkewMs: number | undefined;
}

/** The reads run at once: with Redis unreachable each waits out ioredis's reconnect retries, which grow. */
export async function readRedisSettings(redis: Redis, now: () => number): Promise<RedisSettings> {
  const config = async (name: string): Promise<string | undefined> => {
    const [, value] = (await redis.config('GET', name)) as string[];
    return value;
  };
  const persistence = Promise.all([config('save'), config('appendonly')]).then(
    ([save, aof]) => {
      const on = [save ? `RDB snapshots (save "${save}")` : '', aof === 'yes' ? 'AOF (appendonly yes)' : ''].filter(Boolean);
      return on.length ? on.join(' and ') : undefined;
    },
    () => 'unknown',
  );
  const evictionPolicy = config('maxmemory-policy').then(
    (p) => p ?? 'unknown',
    () => 'unknown',
  );
  const sent = now();
  const clockSkewMs = redis.time().then(
    ([seconds, micros]) => {
      const received = now();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - Math.round((sent + received) / 2);
    },
    () => undefined,
  );
  return { persistence: await persistence, evictionPolicy: await evictionPolicy, clockSkewMs: await clockSkewMs };
}
