import type pg from 'pg';
import type { Row } from '../rows';
import { inTransaction } from './pg-pool';

/**
 * How a PostgreSQL aggregate store talks to the database: `q` is the pool at top level and the
 * transaction's client inside `VaultStores.transaction`; `tx` runs a multi-statement rule in its
 * own transaction at top level, and inside an outer transaction simply joins it.
 */
export interface PgExec {
  q: pg.Pool | pg.PoolClient;
  tx<T>(fn: (x: PgExec) => Promise<T>): Promise<T>;
}

export function topExec(pool: pg.Pool): PgExec {
  return { q: pool, tx: (fn) => inTransaction(pool, (client) => fn(clientExec(client))) };
}

export function clientExec(client: pg.PoolClient): PgExec {
  const x: PgExec = { q: client, tx: (fn) => fn(x) };
  return x;
}

export const one = async (x: PgExec, sql: string, params: unknown[] = []): Promise<Row | undefined> =>
  (await x.q.query<Row>(sql, params)).rows[0];
export const all = async (x: PgExec, sql: string, params: unknown[] = []): Promise<Row[]> => (await x.q.query<Row>(sql, params)).rows;
export const run = async (x: PgExec, sql: string, params: unknown[] = []): Promise<number> => (await x.q.query(sql, params)).rowCount ?? 0;
