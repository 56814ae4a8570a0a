import type pg from 'pg';
import { PG_MIGRATIONS } from './pg-migrations';

const DUPLICATE = new Set(['23505', '42P07', '42710']); // unique_violation, duplicate_table, duplicate_object

/**
 * Applies PG_MIGRATIONS in order, each in its own transaction together with its row in
 * `schema_migrations`. Several vault processes may start at once and no advisory lock is used
 * (distributed engines lack them): the loser of a race fails on the primary key or on an existing
 * table, rolls back, re-reads what is applied and carries on. Versions are applied by presence, not
 * by maximum: a store at 1–5 and 7 applies 6 when it appears (branches ship versions in either order).
 */
export async function migratePg(pool: pg.Pool, migrations: readonly { version: number; sql: string }[] = PG_MIGRATIONS): Promise<void> {
  await pool
    .query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)')
    .catch((e: { code?: string }) => {
      if (!DUPLICATE.has(e.code ?? '')) throw e;
    });
  // Each lost race means the winner applied at least one more version, so one pass per version
  // (plus the final check) always suffices; a fixed small count failed once there were 3 versions.
  for (let pass = 0; pass <= migrations.length + 1; pass++) {
    const done = new Set((await pool.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const todo = migrations.filter((m) => !done.has(m.version));
    if (todo.length === 0) return;
    try {
      for (const m of todo) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
          await client.query(m.sql);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      }
      return;
    } catch (e) {
      if (!DUPLICATE.has((e as { code?: string }).code ?? '')) throw e;
    }
  }
  throw new Error('PostgreSQL migrations kept racing with another process; restart the vault.');
}
