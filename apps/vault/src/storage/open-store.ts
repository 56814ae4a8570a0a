import { join } from 'node:path';
import type { DatabaseConfig } from '../config/vault-config';
import { PgStore } from './postgres/pg-store';
import { SqliteStore } from './sqlite-store';
import type { VaultStore } from './vault-store';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL (or a PG-wire engine: CockroachDB, YugabyteDB),
 * with `TOKENFRAME_PG_SCHEMA` (optional search_path) and `TOKENFRAME_PG_POOL_SIZE` (default 10);
 * otherwise the embedded SQLite file `vault.sqlite` in the data folder (`TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS`,
 * default 2000: how long a write waits for another process holding the file's write lock).
 */
export async function openStore(db: DatabaseConfig, dataDir: string, opts: { groupCommit: boolean }): Promise<{ store: VaultStore; kind: StoreKind }> {
  if (db.kind === 'postgres') {
    try {
      return { store: await PgStore.open(db.url, { ...(db.schema ? { schema: db.schema } : {}), poolSize: db.poolSize }), kind: 'postgres' };
    } catch (e) {
      throw new Error(`Could not open PostgreSQL at DATABASE_URL (${redactUrl(db.url)}): ${(e as Error).message}`, { cause: e });
    }
  }
  const sqliteOpts = { groupCommit: opts.groupCommit, ...(db.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: db.busyTimeoutMs }) };
  return { store: new SqliteStore(join(dataDir, 'vault.sqlite'), sqliteOpts), kind: 'sqlite' };
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
