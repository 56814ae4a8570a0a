import type { EventRecord } from '../records';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { AuditEntry, EventStore } from './event-store';
import { sqliteEnqueue } from '../webhooks/sqlite-webhook-store';
import { auditEventFromRow, eventFromRow, eventSources, mergeEvents } from './event-rows';

export class SqliteEventStore implements EventStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  /** The event and its webhook outbox rows, in one write (or the enclosing transaction). */
  async record(e: EventRecord): Promise<void> {
    await this.#x.write(() => {
      this.#x.run(
        'INSERT INTO events (id, account_id, livemode, type, created_at, data) VALUES (?, ?, ?, ?, ?, ?)',
        e.id,
        e.accountId,
        e.livemode ? 1 : 0,
        e.type,
        e.createdAt,
        JSON.stringify(e.data),
      );
      sqliteEnqueue(this.#x, e, e.createdAt);
    });
  }
  find(id: string): Promise<EventRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM events WHERE id = ?', id);
      return r && eventFromRow(r);
    });
  }
  async audit(a: AuditEntry): Promise<void> {
    await this.#x.write(() =>
      this.#x.run(
        'INSERT INTO audit_log (at, account_id, livemode, key_id, action, token_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
        a.at,
        a.accountId,
        a.livemode ? 1 : 0,
        a.keyId,
        a.action,
        a.tokenId,
        a.requestId,
      ),
    );
  }
  list(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]> {
    const src = eventSources(opts.type);
    const mode = opts.livemode ? 1 : 0;
    const x = this.#x;
    return x.read(() => {
      const events = !src.events
        ? []
        : opts.type
          ? x.all(
              'SELECT * FROM events WHERE account_id = ? AND livemode = ? AND type = ? ORDER BY created_at DESC LIMIT ?',
              accountId,
              mode,
              opts.type,
              opts.limit,
            )
          : x.all(
              'SELECT * FROM events WHERE account_id = ? AND livemode = ? ORDER BY created_at DESC LIMIT ?',
              accountId,
              mode,
              opts.limit,
            );
      const audit =
        src.auditAction === undefined
          ? []
          : x.all(
              'SELECT * FROM audit_log WHERE account_id = ? AND livemode = ? AND action = ? ORDER BY at DESC LIMIT ?',
              accountId,
              mode,
              src.auditAction,
              opts.limit,
            );
      return mergeEvents(events.map(eventFromRow), audit.map(auditEventFromRow), opts.limit);
    });
  }
}
