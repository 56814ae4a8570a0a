import { PgChargeStore } from '../charges/pg-charge-store';
import { PgConnectionStore } from '../connections/pg-connection-store';
import { PgEventStore } from '../events/pg-event-store';
import { PgIdempotencyStore } from '../idempotency/pg-idempotency-store';
import { PgKeyStore } from '../keys/pg-key-store';
import { Rollback } from '../rollback';
import { PgSessionStore } from '../sessions/pg-session-store';
import { PgStateStore } from '../state/pg-state-store';
import { PgTokenStore } from '../tokens/pg-token-store';
import { PgWebhookStore } from '../webhooks/pg-webhook-store';
import type { StoresTx, VaultStores } from '../vault-stores';
import { topExec, type PgExec } from './pg-exec';
import { migratePg } from './pg-migrate';
import { createPool } from './pg-pool';

const aggregates = (x: PgExec): StoresTx => ({
  keys: new PgKeyStore(x),
  sessions: new PgSessionStore(x),
  idempotency: new PgIdempotencyStore(x),
  tokens: new PgTokenStore(x),
  events: new PgEventStore(x),
  state: new PgStateStore(x),
  webhooks: new PgWebhookStore(x),
  connections: new PgConnectionStore(x),
  charges: new PgChargeStore(x),
});

/**
 * The store for more than one vault process (DESIGN.md "Vault"), over a pg pool. Each atomic rule
 * is one transaction, retried on 40001/40P01 for distributed engines; a `transaction` is one
 * pooled client from BEGIN to COMMIT. A write resolves after COMMIT returned, and with
 * `synchronous_commit=on` (PostgreSQL's default) that means the WAL record is flushed.
 * Connects and applies pending migrations before it returns.
 */
export async function openPgStores(url: string, opts: { schema?: string; poolSize?: number } = {}): Promise<VaultStores> {
  const pool = createPool(url, { ...(opts.schema ? { schema: opts.schema } : {}), max: opts.poolSize ?? 10 });
  try {
    await migratePg(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const top = topExec(pool);
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    ...aggregates(top),
    async transaction<T>(fn: (tx: StoresTx) => Promise<T>): Promise<T> {
      try {
        return await top.tx((x) => fn(aggregates(x)));
      } catch (e) {
        if (e instanceof Rollback) return e.value as T;
        throw e;
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => (closing ??= pool.end()),
  };
}
