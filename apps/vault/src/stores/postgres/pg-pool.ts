import pg from 'pg';

/** int8 (BIGINT, our millisecond timestamps) as a JS number; everything else as pg does it. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A schema name we are willing to put into SQL text (it cannot be a bind parameter). */
export function isSchemaName(s: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(s);
}

/**
 * One pool per store. `schema` (optional) becomes the search_path of every connection, so tests
 * and tenants can share a database.
 */
export function createPool(url: string, opts: { schema?: string; max?: number } = {}): pg.Pool {
  if (opts.schema !== undefined && !isSchemaName(opts.schema)) throw new Error(`Not a plain schema name: "${opts.schema}".`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    application_name: 'tokenframe-vault',
    // A startup parameter, so it is in force before the first query (CockroachDB accepts `-c` too).
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `fn` in one transaction and retries it when the database asks for a retry (CockroachDB and
 * YugabyteDB answer contention with 40001 by design; PostgreSQL with deadlocks). `fn` may run
 * more than once, so it must only talk to the database.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (q: pg.PoolClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (attempt >= attempts || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 2 ** attempt * 5 * Math.random()));
    } finally {
      client.release();
    }
  }
}
