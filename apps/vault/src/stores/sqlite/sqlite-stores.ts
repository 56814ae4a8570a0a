import Database from 'better-sqlite3';
import { SqliteChargeStore } from '../charges/sqlite-charge-store';
import { SqliteConnectionStore } from '../connections/sqlite-connection-store';
import { SqliteEventStore } from '../events/sqlite-event-store';
import { SqliteIdempotencyStore } from '../idempotency/sqlite-idempotency-store';
import { SqliteKeyStore } from '../keys/sqlite-key-store';
import { Rollback } from '../rollback';
import { SqliteSessionStore } from '../sessions/sqlite-session-store';
import { SqliteStateStore } from '../state/sqlite-state-store';
import { SqliteTokenStore } from '../tokens/sqlite-token-store';
import { SqliteWebhookStore } from '../webhooks/sqlite-webhook-store';
import type { StoresTx, VaultStores } from '../vault-stores';
import { GroupCommit } from './group-commit';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { sqliteExecs, type SqliteExec } from './sqlite-exec';

const DEFAULT_BUSY_TIMEOUT_MS = 2000;

const aggregates = (x: SqliteExec): StoresTx => ({
  keys: new SqliteKeyStore(x),
  sessions: new SqliteSessionStore(x),
  idempotency: new SqliteIdempotencyStore(x),
  tokens: new SqliteTokenStore(x),
  events: new SqliteEventStore(x),
  state: new SqliteStateStore(x),
  webhooks: new SqliteWebhookStore(x),
  connections: new SqliteConnectionStore(x),
  charges: new SqliteChargeStore(x),
});

export type SqliteStores = VaultStores & { readonly commitStats: { batches: number; writes: number } };

/**
 * The embedded default store: one SQLite file in WAL mode with `synchronous=FULL` (a COMMIT is on
 * disk when it returns) and `secure_delete` (deleted rows, e.g. a revealed CVC's envelope, are
 * zeroed rather than left in free pages). Reads answer at once; writes go through GroupCommit, and
 * a `transaction` is one group-commit unit (its own savepoint in the batch).
 *
 * `busyTimeoutMs`: how long a write waits for another process's COMMIT on the same file. A group
 * commit holds the lock for milliseconds, so 2 s is ample; it is short because better-sqlite3
 * waits synchronously (the event loop stalls), and past it the request gets a 503 to retry.
 */
export function openSqliteStores(file: string, opts: { groupCommit?: boolean; busyTimeoutMs?: number } = {}): SqliteStores {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)}`);
  migrateSqlite(db);
  const commit = new GroupCommit(db, opts.groupCommit ?? true);
  const { top, inTx } = sqliteExecs(db, commit);
  const txStores = aggregates(inTx);
  let closing: Promise<void> | undefined;
  return {
    kind: 'sqlite',
    ...aggregates(top),
    get commitStats() {
      return { batches: commit.batches, writes: commit.writes };
    },
    async transaction<T>(fn: (tx: StoresTx) => Promise<T>): Promise<T> {
      try {
        return await commit.write(() => fn(txStores));
      } catch (e) {
        if (e instanceof Rollback) return e.value as T;
        throw e;
      }
    },
    async ping() {
      top.get('SELECT 1');
    },
    close: () =>
      (closing ??= (async () => {
        await commit.drain();
        if (db.open) {
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.close();
        }
      })()),
  };
}

/**
 * Applies pending migrations in one IMMEDIATE transaction (the write lock first, then the check), so
 * a second process opening the same file at the same moment waits and then finds nothing to do.
 * Versions are applied by presence, not by maximum: a store at 1–5 and 7 (webhooks) applies 6
 * (charges) when it appears, so branches may ship their versions in either order.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly { version: number; sql: string }[] = SQLITE_MIGRATIONS): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
    }
  }).immediate();
}
