import { join } from 'node:path';
import { isSchemaName } from './postgres/pg-pool';
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
export async function openStore(env: NodeJS.ProcessEnv, dataDir: string, opts: { groupCommit?: boolean } = {}): Promise<{ store: VaultStore; kind: StoreKind }> {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use the embedded SQLite store).');
    const schema = env.TOKENFRAME_PG_SCHEMA || undefined;
    if (schema !== undefined && !isSchemaName(schema)) throw new Error('TOKENFRAME_PG_SCHEMA must be a plain lower-case identifier.');
    const poolSize = Number(env.TOKENFRAME_PG_POOL_SIZE ?? '10');
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error('TOKENFRAME_PG_POOL_SIZE must be a positive integer.');
    try {
      return { store: await PgStore.open(url, { ...(schema ? { schema } : {}), poolSize }), kind: 'postgres' };
    } catch (e) {
      throw new Error(`Could not open PostgreSQL at DATABASE_URL (${redactUrl(url)}): ${(e as Error).message}`, { cause: e });
    }
  }
  const busy = env.TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS;
  const busyTimeoutMs = busy === undefined || busy === '' ? undefined : Number(busy);
  if (busyTimeoutMs !== undefined && !(Number.isInteger(busyTimeoutMs) && busyTimeoutMs >= 0)) {
    throw new Error('TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds.');
  }
  const sqliteOpts = { groupCommit: opts.groupCommit ?? true, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) };
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
