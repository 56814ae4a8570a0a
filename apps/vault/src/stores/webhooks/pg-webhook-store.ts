import { eventFromRow } from '../events/event-rows';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import type { EventRecord } from '../records';
import { insertPg } from '../rows';
import { pgFinishAttempt, pgFinishAttempts } from './pg-finish-attempts';
import { attemptFromRow, deliveryFromRow, endpointFromRow, endpointToRow, newDeliveryRow, SECRET_FIELDS } from './webhook-rows';
import {
  subscribed,
  type AttemptOutcome,
  type AttemptRecord,
  type ClaimedDelivery,
  type DeliveryRecord,
  type WebhookEndpointRecord,
  type WebhookStore,
} from './webhook-store';

/** The outbox rows for one event, in the caller's transaction (PgEventStore.record calls it next to its INSERT). */
export async function pgEnqueue(x: PgExec, event: EventRecord, now: number): Promise<number> {
  const endpoints = (
    await all(x, 'SELECT id, events FROM webhook_endpoints WHERE account_id = $1 AND livemode = $2 AND disabled_at IS NULL', [
      event.accountId,
      event.livemode ? 1 : 0,
    ])
  ).filter((r) => subscribed(JSON.parse(r.events as string) as string[], event.type));
  for (const r of endpoints) await run(x, ...insertPg('webhook_deliveries', newDeliveryRow(event, r.id as string, now)));
  return endpoints.length;
}

export class PgWebhookStore implements WebhookStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async insertEndpoint(e: WebhookEndpointRecord): Promise<void> {
    await run(this.#x, ...insertPg('webhook_endpoints', endpointToRow(e)));
  }
  async findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
    return r && endpointFromRow(r);
  }
  async listEndpoints(accountId: string, livemode: boolean): Promise<WebhookEndpointRecord[]> {
    return (
      await all(this.#x, 'SELECT * FROM webhook_endpoints WHERE account_id = $1 AND livemode = $2 ORDER BY created_at, id', [
        accountId,
        livemode ? 1 : 0,
      ])
    ).map(endpointFromRow);
  }
  deleteEndpoint(id: string): Promise<boolean> {
    return this.#x.tx(async (x) => {
      await run(x, 'DELETE FROM webhook_deliveries WHERE endpoint_id = $1', [id]);
      await run(x, 'DELETE FROM webhook_attempts WHERE endpoint_id = $1', [id]);
      return (await run(x, 'DELETE FROM webhook_endpoints WHERE id = $1', [id])) > 0;
    });
  }
  async rotateSecret(id: string, secretEnc: string, previousExpiresAt: number): Promise<WebhookEndpointRecord | undefined> {
    const r = await one(
      this.#x,
      'UPDATE webhook_endpoints SET previous_secret_enc = secret_enc, previous_secret_expires_at = $1, secret_enc = $2 WHERE id = $3 RETURNING *',
      [previousExpiresAt, secretEnc, id],
    );
    return r && endpointFromRow(r);
  }
  enqueue(event: EventRecord, now: number): Promise<number> {
    return this.#x.tx((x) => pgEnqueue(x, event, now));
  }
  /** One statement: the subquery locks due rows with SKIP LOCKED, so two workers never claim one row. */
  async claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    // A read first: an idle poll takes no row locks and writes nothing.
    if (
      !(await one(
        this.#x,
        "SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) LIMIT 1",
        [now],
      ))
    )
      return [];
    const claimed = (
      await all(
        this.#x,
        `UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2, updated_at = $3
       WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                    ORDER BY next_at LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
        [owner, now + leaseMs, now, limit],
      )
    ).map(deliveryFromRow);
    if (claimed.length === 0) return [];
    const events = new Map(
      (await all(this.#x, 'SELECT * FROM events WHERE id = ANY($1)', [claimed.map((d) => d.eventId)])).map((r) => [
        r.id as string,
        eventFromRow(r),
      ]),
    );
    const endpoints = new Map(
      (await all(this.#x, 'SELECT * FROM webhook_endpoints WHERE id = ANY($1)', [claimed.map((d) => d.endpointId)])).map((r) => [
        r.id as string,
        endpointFromRow(r),
      ]),
    );
    const out: ClaimedDelivery[] = [];
    for (const delivery of claimed) {
      const event = events.get(delivery.eventId);
      const endpoint = endpoints.get(delivery.endpointId);
      if (event && endpoint) out.push({ delivery, event, endpoint });
      else
        await run(this.#x, "UPDATE webhook_deliveries SET status = 'skipped', lease_owner = NULL, lease_until = NULL WHERE id = $1", [
          delivery.id,
        ]);
    }
    return out;
  }
  finishAttempt(deliveryId: string, owner: string, o: AttemptOutcome): Promise<boolean> {
    return this.#x.tx((x) => pgFinishAttempt(x, deliveryId, owner, o));
  }
  /** Four statements for any number (pg-finish-attempts.ts). */
  finishAttempts(owner: string, items: readonly { deliveryId: string; outcome: AttemptOutcome }[]): Promise<boolean[]> {
    if (items.length === 0) return Promise.resolve([]);
    return this.#x.tx((x) => pgFinishAttempts(x, owner, items));
  }
  async listAttempts(endpointId: string, limit: number): Promise<AttemptRecord[]> {
    return (
      await all(this.#x, 'SELECT * FROM webhook_attempts WHERE endpoint_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [endpointId, limit])
    ).map(attemptFromRow);
  }
  async listDeliveries(eventId: string): Promise<DeliveryRecord[]> {
    return (await all(this.#x, 'SELECT * FROM webhook_deliveries WHERE event_id = $1 ORDER BY created_at, id', [eventId])).map(
      deliveryFromRow,
    );
  }
  purge(before: number): Promise<number> {
    return this.#x.tx(
      async (x) =>
        (await run(x, "DELETE FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < $1", [before])) +
        (await run(x, 'DELETE FROM webhook_attempts WHERE at < $1', [before])),
    );
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.tx(async (x) => {
      let n = 0;
      for (const r of await all(x, 'SELECT id, secret_enc, previous_secret_enc FROM webhook_endpoints FOR UPDATE')) {
        for (const col of SECRET_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          await run(x, `UPDATE webhook_endpoints SET ${col} = $1 WHERE id = $2`, [rewrap(env, 'webhook_secret'), r.id]);
          n++;
        }
      }
      return n;
    });
  }
}
