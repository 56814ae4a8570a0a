import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * The real PostgreSQL and Redis of the development/CI machine (../shared/TOOLCHAIN.md). When one is
 * missing the test FAILS with what to run — it never skips, so CI cannot go green without them.
 */
export const PG_URL = process.env.TOKENFRAME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TOKENFRAME_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface PgSchema {
  url: string;
  schema: string;
  /** DATABASE_URL + TOKENFRAME_PG_SCHEMA for a vault on this schema. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh schema `tf_test_<random>` for one test file; drop() removes it and everything in it. */
export async function freshPgSchema(): Promise<PgSchema> {
  const schema = `tf_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
  } catch (e) {
    throw new Error(
      `PostgreSQL is required for this test and is not reachable at ${PG_URL} (${(e as Error).message}). ` +
        'Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — or set TOKENFRAME_TEST_DATABASE_URL.',
      { cause: e },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    url: PG_URL,
    schema,
    env: { DATABASE_URL: PG_URL, TOKENFRAME_PG_SCHEMA: schema },
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface RedisSpace {
  url: string;
  prefix: string;
  env: Record<string, string>;
  clear(): Promise<void>;
}

/** A private key prefix on the shared Redis; clear() deletes every key under it. */
export async function freshRedisSpace(): Promise<RedisSpace> {
  const prefix = `tf_test_${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    throw new Error(
      `Redis is required for this test and is not reachable at ${REDIS_URL} (${(e as Error).message}). ` +
        'Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no — or set TOKENFRAME_TEST_REDIS_URL.',
      { cause: e },
    );
  }
  return {
    url: REDIS_URL,
    prefix,
    env: { REDIS_URL, TOKENFRAME_REDIS_PREFIX: prefix },
    async clear() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

/** A Luhn-valid number: `prefix`, random digits, check digit (distinct cards for card-testing tests). */
export function luhnCard(prefix: string, length = 16): string {
  let body = prefix;
  while (body.length < length - 1) body += String(randomBytes(1)[0]! % 10);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
