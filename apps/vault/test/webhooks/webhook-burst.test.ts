import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newEvent } from '../../src/stores/events/new-event';
import { webhookFixture, type Backend, type WebhookFixture } from './webhook-fixture';

/**
 * A burst: many events queued while the worker is stopped, then delivered with attempts in flight
 * together, over kept-alive connections, and recorded in a few transactions. Every delivery arrives
 * and ends `delivered`; a second arrival only ever comes from a second recorded attempt (the
 * fixture's 400 ms attempt timeout can expire on a loaded machine), never from the worker itself.
 */
describe.each<Backend>(['sqlite', 'postgres'])('a webhook burst on %s', (backend) => {
  let f: WebhookFixture;
  beforeAll(async () => {
    f = await webhookFixture(backend);
  });
  afterAll(() => f.close());

  test('300 deliveries to 3 endpoints: each arrives, all recorded delivered, no arrival without its attempt, over far fewer connections than deliveries', async () => {
    const eps = await Promise.all(['/b0', '/b1', '/b2'].map((p) => f.endpoint(p, ['key.rolled'])));
    const s = f.h.vault.stores;
    const accountId = (await s.webhooks.findEndpoint(eps[0]!.id))!.accountId;
    await f.h.vault.webhookWorker.stop();
    const events = Array.from({ length: 100 }, () => newEvent('key.rolled', { accountId, livemode: false }, {}, f.h.clock.now));
    for (const e of events) await s.events.record(e);
    const connectionsBefore = f.receiver.connections;
    f.h.vault.webhookWorker.start();
    const unique = () =>
      new Set(f.receiver.received.filter((r) => r.path.startsWith('/b')).map((r) => `${r.path} ${String(r.headers['webhook-id'])}`)).size;
    await f.receiver.waitFor(300, (r) => r.path.startsWith('/b'), 20_000);
    const until = Date.now() + 20_000;
    while (unique() < 300 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(unique()).toBe(300);
    // Without reuse every request is a connection; with it (even when timeouts on a loaded machine cut some) fewer.
    expect(f.receiver.connections - connectionsBefore).toBeLessThan(f.receiver.received.filter((r) => r.path.startsWith('/b')).length);
    const end = Date.now() + 20_000;
    let deliveries: { status: string; attempts: number }[];
    for (;;) {
      deliveries = (await Promise.all(events.map((e) => s.webhooks.listDeliveries(e.id)))).flat();
      if (deliveries.every((d) => d.status === 'delivered') || Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(deliveries.map((d) => d.status)).toEqual(Array(300).fill('delivered'));
    await new Promise((r) => setTimeout(r, 100));
    const attempts = deliveries.reduce((n, d) => n + d.attempts, 0);
    expect(f.receiver.received.filter((r) => r.path.startsWith('/b')).length).toBeLessThanOrEqual(attempts);
  }, 60_000);
});
