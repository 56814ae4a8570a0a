import type { ChargeStore } from './charges/charge-store';
import type { ConnectionStore } from './connections/connection-store';
import type { EventStore } from './events/event-store';
import type { IdempotencyStore } from './idempotency/idempotency-store';
import type { KeyStore } from './keys/key-store';
import type { SessionStore } from './sessions/session-store';
import type { StateStore } from './state/state-store';
import type { TokenStore } from './tokens/token-store';
import type { WebhookStore } from './webhooks/webhook-store';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * The aggregate stores as one transaction sees them: each is one field here, one interface and a
 * SQLite and a PostgreSQL file under stores/<aggregate>/. `connections` and `charges` are
 * migration 6; `webhooks` (migration 7) holds endpoints, the outbox and attempts;
 * `events.record` writes the outbox rows of the event it records.
 */
export interface StoresTx {
  keys: KeyStore;
  sessions: SessionStore;
  idempotency: IdempotencyStore;
  tokens: TokenStore;
  events: EventStore;
  state: StateStore;
  webhooks: WebhookStore;
  connections: ConnectionStore;
  charges: ChargeStore;
}

/**
 * The vault's storage, asynchronous on purpose: SQLite answers synchronously, PostgreSQL does not,
 * and callers must not notice which one they talk to. Every method that writes resolves only after
 * its transaction is durably committed. Each method of an aggregate store is atomic on its own.
 *
 * `transaction(fn)` composes writes to several aggregates into ONE transaction: `fn` gets the same
 * aggregate stores bound to it, and what it writes commits together or not at all (an exception
 * rolls everything back; throw `Rollback` to roll back and still return a value). Rules for `fn`:
 * use only `tx` (not the outer stores: on SQLite that waits for the transaction it is in), do no
 * network or crypto work inside (it holds the write lock), and expect it to run more than once on
 * PostgreSQL (retried on serialization failures).
 */
export interface VaultStores extends StoresTx {
  readonly kind: StoreKind;
  transaction<T>(fn: (tx: StoresTx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
