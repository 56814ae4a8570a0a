import { randomBytes } from 'node:crypto';
import type { EventRecord } from '../records';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import type { AuditEntry, EventStore } from './event-store';
import { pgEnqueue } from '../webhooks/pg-webhook-store';
import { auditEventFromRow, eventFromRow, eventSources, mergeEvents } from './event-rows';

export class PgEventStore implements EventStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  /** The event and its webhook outbox rows, in one transaction (or the enclosing one). */
  async record(e: EventRecord): Promise<void> {
    await this.#x.tx(async (x) => {
      await run(x, 'INSERT INTO events (id, account_id, livemode, type, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)', [
        e.id,
        e.accountId,
        e.livemode ? 1 : 0,
        e.type,
        e.createdAt,
        JSON.stringify(e.data),
      ]);
      await pgEnqueue(x, e, e.createdAt);
    });
  }
  async find(id: string): Promise<EventRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM events WHERE id = $1', [id]);
    return r && eventFromRow(r);
  }
  /** Text ids (no sequences on PG-wire distributed engines; pg-migrations.ts). */
  async audit(a: AuditEntry): Promise<void> {
    await run(
      this.#x,
      'INSERT INTO audit_log (id, at, account_id, livemode, key_id, action, token_id, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [randomBytes(12).toString('base64url'), a.at, a.accountId, a.livemode ? 1 : 0, a.keyId, a.action, a.tokenId, a.requestId],
    );
  }
  async list(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]> {
    const src = eventSources(opts.type);
    const mode = opts.livemode ? 1 : 0;
    const x = this.#x;
    const events = !src.events
      ? []
      : opts.type
        ? await all(x, 'SELECT * FROM events WHERE account_id = $1 AND livemode = $2 AND type = $3 ORDER BY created_at DESC LIMIT $4', [
            accountId,
            mode,
            opts.type,
            opts.limit,
          ])
        : await all(x, 'SELECT * FROM events WHERE account_id = $1 AND livemode = $2 ORDER BY created_at DESC LIMIT $3', [
            accountId,
            mode,
            opts.limit,
          ]);
    const audit =
      src.auditAction === undefined
        ? []
        : await all(x, 'SELECT * FROM audit_log WHERE account_id = $1 AND livemode = $2 AND action = $3 ORDER BY at DESC LIMIT $4', [
            accountId,
            mode,
            src.auditAction,
            opts.limit,
          ]);
    return mergeEvents(events.map(eventFromRow), audit.map(auditEventFromRow), opts.limit);
  }
}
