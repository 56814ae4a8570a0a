import type { EventRecord } from '../records';

/** One row of the audit trail (reveals and deletes), listed at GET /v1/events next to events. */
export interface AuditEntry {
  at: number;
  accountId: string;
  livemode: boolean;
  keyId: string;
  action: 'reveal' | 'delete';
  tokenId: string;
  requestId: string;
}

/** Events (with their webhook outbox) and the audit trail. */
export interface EventStore {
  /**
   * Records the event AND its outbox: one pending webhook delivery for every enabled endpoint of
   * the event's account and mode subscribed to its type, in the same transaction (the caller's,
   * inside `VaultStores.transaction`). Every event type is sent this way, future ones included.
   */
  record(event: EventRecord): Promise<void>;
  find(id: string): Promise<EventRecord | undefined>;
  audit(entry: AuditEntry): Promise<void>;
  /** Newest first: recorded events plus the audit trail of reveals, for one account in one mode. */
  list(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]>;
}
