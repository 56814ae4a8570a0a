import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newEvent } from '../../src/stores/events/new-event';
import { webhookFixture, type Backend, type WebhookFixture } from './webhook-fixture';

/**
 * A burst: many events queued while the worker is stopped, then delivered with attempts in flight
 * together, over kept-alive connections, and recorded in a few transactions. Every delivery arrives
 * exactly once and ends `delivered` with one attempt.
 */
describe.each<Backend>(['sqlite', 'postgres'])('a webhook burst on %s', (backend) => {
  let f: WebhookFixture;
  beforeAll(async () => {
    f = await webhookFixture(backend);
  });
  afterAll(() => f.close());

  test('300 deliveries to 3 endpoints: each arrives once, all recorded delivered, over far fewer connections than deliveries', async () => {
    const eps = await Promise.all(['/b0', '/b1', '/b2'].map((p) => f.endpoint(p, ['key.rolled'])));
    const s = f.h.vault.stores;
    const accountId = (await s.webhooks.findEndpoint(eps[0]!.id))!.accountId;
    await f.h.vault.webhookWorker.stop();
    const events = Array.from({ length: 100 }, () => newEvent('key.rolled', { accountId, livemode: false }, {}, f.h.clock.now));
    for (const e of events) await s.events.record(e);
    const connectionsBefore = f.receiver.connections;
    f.h.vault.webhookWorker.start();
    const hits = await f.receiver.waitFor(300, (r) => r.path.startsWith('/b'), 15_000);
    const ids = hits.map((r) => `${r.path} ${String(r.headers['webhook-id'])}`);
    expect(new Set(ids).size).toBe(300);
    expect(f.receiver.connections - connectionsBefore).toBeLessThan(150);
    const end = Date.now() + 5_000;
    let statuses: string[];
    for (;;) {
      statuses = (await Promise.all(events.map((e) => s.webhooks.listDeliveries(e.id)))).flat().map((d) => `${d.status}/${d.attempts}`);
      if (statuses.every((x) => x === 'delivered/1') || Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(statuses).toEqual(Array(300).fill('delivered/1'));
    await new Promise((r) => setTimeout(r, 100));
    expect(f.receiver.received.filter((r) => r.path.startsWith('/b'))).toHaveLength(300); // nothing delivered twice
  });
});
