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

/** Security events and the audit trail. Webhooks will add their outbox next to it (migration 7). */
export interface EventStore {
  record(event: EventRecord): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  /** Newest first: recorded events plus the audit trail of reveals and deletes, for one account in one mode. */
  list(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]>;
}
