import { eventFromRow } from '../events/event-rows';
import type { EventRecord } from '../records';
import { insertSql } from '../rows';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import {
  attemptFromRow,
  attemptToRow,
  deliveryFromRow,
  endpointFromRow,
  endpointToRow,
  newDeliveryRow,
  SECRET_FIELDS,
} from './webhook-rows';
import {
  subscribed,
  type AttemptOutcome,
  type AttemptRecord,
  type ClaimedDelivery,
  type DeliveryRecord,
  type WebhookEndpointRecord,
  type WebhookStore,
} from './webhook-store';

/** The outbox rows for one event, synchronously inside a write (SqliteEventStore.record calls it next to its INSERT). */
export function sqliteEnqueue(x: SqliteExec, event: EventRecord, now: number): number {
  const endpoints = x
    .all(
      'SELECT id, events FROM webhook_endpoints WHERE account_id = ? AND livemode = ? AND disabled_at IS NULL',
      event.accountId,
      event.livemode ? 1 : 0,
    )
    .filter((r) => subscribed(JSON.parse(r.events as string) as string[], event.type));
  for (const r of endpoints) {
    const row = newDeliveryRow(event, r.id as string, now);
    x.run(insertSql('webhook_deliveries', row), row);
  }
  return endpoints.length;
}

const DUE_PROBE =
  "SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1";

export class SqliteWebhookStore implements WebhookStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async insertEndpoint(e: WebhookEndpointRecord): Promise<void> {
    const row = endpointToRow(e);
    await this.#x.write(() => this.#x.run(insertSql('webhook_endpoints', row), row));
  }
  findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM webhook_endpoints WHERE id = ?', id);
      return r && endpointFromRow(r);
    });
  }
  listEndpoints(accountId: string, livemode: boolean): Promise<WebhookEndpointRecord[]> {
    return this.#x.read(() =>
      this.#x
        .all('SELECT * FROM webhook_endpoints WHERE account_id = ? AND livemode = ? ORDER BY created_at, id', accountId, livemode ? 1 : 0)
        .map(endpointFromRow),
    );
  }
  deleteEndpoint(id: string): Promise<boolean> {
    const x = this.#x;
    return x.write(() => {
      x.run('DELETE FROM webhook_deliveries WHERE endpoint_id = ?', id);
      x.run('DELETE FROM webhook_attempts WHERE endpoint_id = ?', id);
      return x.run('DELETE FROM webhook_endpoints WHERE id = ?', id) > 0;
    });
  }
  rotateSecret(id: string, secretEnc: string, previousExpiresAt: number): Promise<WebhookEndpointRecord | undefined> {
    const x = this.#x;
    return x.write(() => {
      const r = x.get(
        'UPDATE webhook_endpoints SET previous_secret_enc = secret_enc, previous_secret_expires_at = ?, secret_enc = ? WHERE id = ? RETURNING *',
        previousExpiresAt,
        secretEnc,
        id,
      );
      return r && endpointFromRow(r);
    });
  }
  enqueue(event: EventRecord, now: number): Promise<number> {
    return this.#x.write(() => sqliteEnqueue(this.#x, event, now));
  }
  async claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const x = this.#x;
    // A read first: an idle poll (or a nudge after a commit with no outbox rows) costs no write.
    if (!(await x.read(() => x.get(DUE_PROBE, now, now)))) return [];
    return x.write(() => {
      const claimed = x.all(
        `UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ?, updated_at = ?
         WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_at LIMIT ?)
         RETURNING *`,
        owner,
        now + leaseMs,
        now,
        now,
        now,
        limit,
      );
      const out: ClaimedDelivery[] = [];
      for (const r of claimed) {
        const delivery = deliveryFromRow(r);
        const ev = x.get('SELECT * FROM events WHERE id = ?', delivery.eventId);
        const ep = x.get('SELECT * FROM webhook_endpoints WHERE id = ?', delivery.endpointId);
        if (ev && ep) out.push({ delivery, event: eventFromRow(ev), endpoint: endpointFromRow(ep) });
        else x.run("UPDATE webhook_deliveries SET status = 'skipped', lease_owner = NULL, lease_until = NULL WHERE id = ?", delivery.id);
      }
      return out;
    });
  }
  finishAttempt(deliveryId: string, owner: string, o: AttemptOutcome): Promise<boolean> {
    const x = this.#x;
    return x.write(() => {
      if (o.attempt) {
        const attempt = attemptToRow(o.attempt);
        x.run(insertSql('webhook_attempts', attempt), attempt);
      }
      const moved = x.run(
        'UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, next_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?',
        o.status,
        o.nextAt,
        o.at,
        deliveryId,
        owner,
      );
      if (moved === 0) return false;
      const ep = o.endpointId;
      if (o.streak === 'success') x.run('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?', ep);
      if (o.streak === 'failure') x.run('UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ?', o.at, ep);
      if (o.disable)
        x.run(
          'UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL',
          o.at,
          o.disable.reason,
          ep,
        );
      return true;
    });
  }
  async finishAttempts(owner: string, items: readonly { deliveryId: string; outcome: AttemptOutcome }[]): Promise<boolean[]> {
    const out: boolean[] = [];
    for (const i of items) out.push(await this.finishAttempt(i.deliveryId, owner, i.outcome)); // one SQLite write each, inside the caller's transaction
    return out;
  }
  listAttempts(endpointId: string, limit: number): Promise<AttemptRecord[]> {
    return this.#x.read(() =>
      this.#x
        .all('SELECT * FROM webhook_attempts WHERE endpoint_id = ? ORDER BY at DESC, id DESC LIMIT ?', endpointId, limit)
        .map(attemptFromRow),
    );
  }
  listDeliveries(eventId: string): Promise<DeliveryRecord[]> {
    return this.#x.read(() =>
      this.#x.all('SELECT * FROM webhook_deliveries WHERE event_id = ? ORDER BY created_at, id', eventId).map(deliveryFromRow),
    );
  }
  purge(before: number): Promise<number> {
    const x = this.#x;
    return x.write(
      () =>
        x.run("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < ?", before) +
        x.run('DELETE FROM webhook_attempts WHERE at < ?', before),
    );
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    const x = this.#x;
    return x.write(() => {
      let n = 0;
      for (const r of x.all('SELECT id, secret_enc, previous_secret_enc FROM webhook_endpoints')) {
        for (const col of SECRET_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          x.run(`UPDATE webhook_endpoints SET ${col} = ? WHERE id = ?`, rewrap(env, 'webhook_secret'), r.id);
          n++;
        }
      }
      return n;
    });
  }
}
