import { join } from 'node:path';
import type { DatabaseConfig } from '../config/vault-config';
import { openPgStores } from './postgres/pg-stores';
import { openSqliteStores } from './sqlite/sqlite-stores';
import type { VaultStores } from './vault-stores';

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL (or a PG-wire engine: CockroachDB, YugabyteDB),
 * with `TOKENFRAME_PG_SCHEMA` (optional search_path) and `TOKENFRAME_PG_POOL_SIZE` (default 10);
 * otherwise the embedded SQLite file `vault.sqlite` in the data folder (`TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS`,
 * default 2000: how long a write waits for another process holding the file's write lock).
 */
export async function openStores(db: DatabaseConfig, dataDir: string, opts: { groupCommit: boolean }): Promise<VaultStores> {
  if (db.kind === 'postgres') {
    try {
      return await openPgStores(db.url, { ...(db.schema ? { schema: db.schema } : {}), poolSize: db.poolSize });
    } catch (e) {
      throw new Error(`Could not open PostgreSQL at DATABASE_URL (${redactUrl(db.url)}): ${(e as Error).message}`, { cause: e });
    }
  }
  const sqliteOpts = { groupCommit: opts.groupCommit, ...(db.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: db.busyTimeoutMs }) };
  return openSqliteStores(join(dataDir, 'vault.sqlite'), sqliteOpts);
}

/** The URL without its password, for error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'unparseable URL';
  }
}
