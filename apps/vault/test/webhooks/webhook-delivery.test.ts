import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newEvent } from '../../src/stores/events/new-event';
import { Rollback } from '../../src/stores/rollback';
import type { Received } from './receiver';
import { webhookFixture, type Backend, type WebhookFixture } from './webhook-fixture';

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  });
const at = (path: string) => (r: Received) => r.path === path;
const attempts = async (f: WebhookFixture, id: string) =>
  (
    (await (await f.call('GET', `/v1/webhook_endpoints/${id}/attempts`)).json()) as {
      data: { status: number | null; error: string | null; attempt: number; eventId: string; response: string | null }[];
    }
  ).data;
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each<Backend>(['sqlite', 'postgres'])('webhook delivery on %s', (backend) => {
  let f: WebhookFixture;
  beforeAll(async () => {
    f = await webhookFixture(backend);
  });
  afterAll(() => f.close());

  test('a token.created is delivered signed per Standard Webhooks (verified by the standardwebhooks library), without card data', async () => {
    const ep = await f.endpoint('/created');
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const tokenId = await f.tokenize();
    const [hit] = await f.receiver.waitFor(1, at('/created'));
    const event = verify(ep.secret, hit!) as {
      id: string;
      type: string;
      createdAt: number;
      livemode: boolean;
      data: Record<string, unknown>;
    };
    expect(Object.keys(event)).toEqual(['id', 'type', 'createdAt', 'livemode', 'data']);
    expect(event).toMatchObject({ type: 'token.created', livemode: false, data: { tokenId, brand: 'visa', last4: '4242' } });
    expect(hit!.headers['webhook-id']).toBe(event.id);
    expect(Math.abs(Number(hit!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(hit!.headers['content-type']).toBe('application/json');
    const token = (await (await f.call('GET', `/v1/tokens/${tokenId}`)).json()) as { card: { fingerprint: string } };
    for (const secret of ['4242424242424242', '424242424242', '"123"', token.card.fingerprint, 'cvc', 'fingerprint', 'pan'])
      expect(hit!.body).not.toContain(secret);
    expect(() => new Webhook(ep.secret).verify(hit!.body.replace('visa', 'amex'), hit!.headers as Record<string, string>)).toThrow();
    await until(async () => (await attempts(f, ep.id)).length === 1);
    expect((await attempts(f, ep.id))[0]).toMatchObject({ status: 204, error: null, attempt: 1, eventId: event.id });
    // The same event in GET /v1/events.
    const listed = (await (await f.call('GET', '/v1/events?type=token.created')).json()) as { data: { id: string }[] };
    expect(listed.data.map((e) => e.id)).toContain(event.id);
  });

  test('a 500 is retried (same webhook-id) until a 2xx; each attempt is recorded with the first 1 kB of the answer', async () => {
    let n = 0;
    f.receiver.answer = (r) => (r.path === '/flaky' && ++n <= 2 ? { status: 500, body: 'x'.repeat(5000) } : { status: 204 });
    const ep = await f.endpoint('/flaky');
    await f.tokenize();
    const hits = await f.receiver.waitFor(3, at('/flaky'));
    expect(new Set(hits.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of hits) verify(ep.secret, r);
    await until(async () => (await attempts(f, ep.id)).length === 3);
    const list = await attempts(f, ep.id);
    expect(list.map((a) => [a.attempt, a.status])).toEqual([
      [3, 204],
      [2, 500],
      [1, 500],
    ]);
    expect(list[2]!.response).toHaveLength(1024);
    await new Promise((r) => setTimeout(r, 200));
    expect(f.receiver.received.filter(at('/flaky'))).toHaveLength(3); // delivered: not sent again
    f.receiver.answer = () => ({ status: 204 });
  });

  test('410 disables the endpoint with the reason and a webhook_endpoint.disabled event; it receives nothing more', async () => {
    f.receiver.answer = (r) => (r.path === '/gone' ? { status: 410 } : { status: 204 });
    const ep = await f.endpoint('/gone');
    await f.tokenize();
    await f.receiver.waitFor(1, at('/gone'));
    await until(
      async () => ((await (await f.call('GET', `/v1/webhook_endpoints/${ep.id}`)).json()) as { status: string }).status === 'disabled',
    );
    expect(await (await f.call('GET', `/v1/webhook_endpoints/${ep.id}`)).json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'The endpoint answered 410 Gone.',
    });
    const events = (await (await f.call('GET', '/v1/events?type=webhook_endpoint.disabled')).json()) as {
      data: { data: { endpoint: { id: string } } }[];
    };
    expect(events.data.map((e) => e.data.endpoint.id)).toContain(ep.id);
    await f.tokenize();
    await new Promise((r) => setTimeout(r, 200));
    expect(f.receiver.received.filter(at('/gone'))).toHaveLength(1);
    f.receiver.answer = () => ({ status: 204 });
  });

  test('429/503 with Retry-After: the next attempt waits that long, not the (40 ms) schedule', async () => {
    let n = 0;
    f.receiver.answer = (r) => (r.path === '/busy' && ++n === 1 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 204 });
    await f.endpoint('/busy');
    await f.tokenize();
    const [first, second] = await f.receiver.waitFor(2, at('/busy'));
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    f.receiver.answer = () => ({ status: 204 });
  });

  test('a 302 is a failed attempt: the redirect is never followed (a listener at its target sees no connection)', async () => {
    const { startReceiver } = await import('./receiver');
    const internal = await startReceiver();
    f.receiver.answer = (r) =>
      r.path === '/redirect' ? { status: 302, headers: { Location: `http://127.0.0.1:${internal.port}/internal` } } : { status: 204 };
    const ep = await f.endpoint('/redirect');
    await f.tokenize();
    await f.receiver.waitFor(2, at('/redirect'));
    await until(async () => (await attempts(f, ep.id)).length >= 2);
    expect((await attempts(f, ep.id)).every((a) => a.status === 302)).toBe(true);
    expect(internal.connections).toBe(0);
    await f.call('DELETE', `/v1/webhook_endpoints/${ep.id}`);
    await internal.close();
    f.receiver.answer = () => ({ status: 204 });
  });

  test('rotate_secret: for 24 h both the new and the previous secret verify each delivery', async () => {
    const ep = await f.endpoint('/rotated');
    const rotated = (await (await f.call('POST', `/v1/webhook_endpoints/${ep.id}/rotate_secret`)).json()) as {
      secret: string;
      previousSecretExpiresAt: number;
    };
    expect(rotated.secret).not.toBe(ep.secret);
    expect(rotated.previousSecretExpiresAt - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await f.tokenize();
    const [hit] = await f.receiver.waitFor(1, at('/rotated'));
    expect(String(hit!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, hit!)).toMatchObject({ type: 'token.created' });
    expect(verify(ep.secret, hit!)).toMatchObject({ type: 'token.created' });
  });

  test('the event and its outbox rows commit together: a rolled-back transaction leaves neither', async () => {
    const ep = await f.endpoint('/atomic', ['key.rolled']);
    const account = (await f.h.vault.stores.webhooks.findEndpoint(ep.id))!.accountId;
    const kept = newEvent('key.rolled', { accountId: account, livemode: false }, { keyId: 'key_x' }, Date.now());
    const dropped = newEvent('key.rolled', { accountId: account, livemode: false }, { keyId: 'key_y' }, Date.now());
    const s = f.h.vault.stores;
    await s.transaction(async (tx) => {
      await tx.events.record(dropped);
      expect(await tx.webhooks.listDeliveries(dropped.id)).toHaveLength(1); // written, inside the transaction
      throw new Rollback(undefined);
    });
    expect(await s.events.find(dropped.id)).toBeUndefined();
    expect(await s.webhooks.listDeliveries(dropped.id)).toEqual([]);
    await s.transaction((tx) => tx.events.record(kept));
    expect(await s.events.find(kept.id)).toBeDefined();
    expect((await s.webhooks.listDeliveries(kept.id)).map((d) => d.endpointId)).toEqual([ep.id]);
    const hits = await f.receiver.waitFor(1, at('/atomic'));
    expect(hits.map((r) => r.headers['webhook-id'])).toEqual([kept.id]);
  });

  test("test and live endpoints never receive each other's events", async () => {
    const testEp = await f.endpoint('/mode-test', ['key.revoked']);
    const s = f.h.vault.stores;
    const account = (await s.webhooks.findEndpoint(testEp.id))!.accountId;
    // A live endpoint as the API would store it (live URLs must be public https names; this one is never dialled).
    const liveRecord = {
      ...(await s.webhooks.findEndpoint(testEp.id))!,
      id: 'we_live_mode',
      livemode: true,
      url: 'https://hooks.example.com/live',
    };
    await s.webhooks.insertEndpoint(liveRecord);
    const testEvent = newEvent('key.revoked', { accountId: account, livemode: false }, { keyId: 'key_t' }, Date.now());
    const liveEvent = newEvent('key.revoked', { accountId: account, livemode: true }, { keyId: 'key_l' }, Date.now());
    await s.events.record(testEvent);
    await s.events.record(liveEvent);
    expect((await s.webhooks.listDeliveries(testEvent.id)).map((d) => d.endpointId)).toEqual([testEp.id]);
    expect((await s.webhooks.listDeliveries(liveEvent.id)).map((d) => d.endpointId)).toEqual(['we_live_mode']);
    const hits = await f.receiver.waitFor(1, at('/mode-test'));
    await new Promise((r) => setTimeout(r, 150));
    expect(f.receiver.received.filter(at('/mode-test')).map((r) => r.headers['webhook-id'])).toEqual([testEvent.id]);
    expect(hits).toHaveLength(1);
    // Nor does the live key see test endpoints.
    const skLive = (await f.h.key('--account', 'shop', '--type', 'secret', '--env', 'live', '--scope', 'webhooks:read')).key;
    const live = (await (await f.call('GET', '/v1/webhook_endpoints', undefined, skLive)).json()) as { data: { id: string }[] };
    expect(live.data.map((e) => e.id)).toEqual(['we_live_mode']);
    await s.webhooks.deleteEndpoint('we_live_mode');
  });

  test('a receiver hanging past the timeout: the attempt is recorded as timed out and retried (same webhook-id)', async () => {
    let n = 0;
    const { startReceiver } = await import('./receiver');
    const slow = await startReceiver();
    slow.answer = () => ({ status: 204 });
    // The first request never gets an answer within the (400 ms, compressed) timeout.
    const hang = await import('node:http').then(({ createServer }) =>
      createServer((req, res) => {
        req.resume();
        req.on('end', () => (++n === 1 ? setTimeout(() => res.writeHead(200).end(), 1500) : res.writeHead(204).end()));
      }),
    );
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as { port: number }).port;
    const res = await f.call('POST', '/v1/webhook_endpoints', { url: `http://127.0.0.1:${port}/hang`, events: ['token.created'] });
    const ep = (await res.json()) as { id: string };
    await f.tokenize();
    await until(async () => (await attempts(f, ep.id)).length >= 2);
    const list = await attempts(f, ep.id);
    expect(list.map((a) => [a.attempt, a.status])).toEqual([
      [2, 204],
      [1, null],
    ]);
    expect(list[1]!.error).toMatch(/No answer within 400 ms/);
    expect(n).toBe(2);
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
    await slow.close();
  });

  test('a worker that dies holding a claim: once its lease runs out another worker delivers it, and the dead one cannot record', async () => {
    const ep = await f.endpoint('/orphan', ['key.revoked']);
    const s = f.h.vault.stores;
    const worker = f.h.vault.webhookWorker;
    await worker.stop();
    const accountId = (await s.webhooks.findEndpoint(ep.id))!.accountId;
    const e = newEvent('key.revoked', { accountId, livemode: false }, { keyId: 'key_o' }, Date.now());
    await s.events.record(e);
    const [dead] = await s.webhooks.claimDue('wkr_dead', Date.now(), 300, 10);
    expect(dead!.event.id).toBe(e.id);
    worker.start();
    await new Promise((r) => setTimeout(r, 150));
    expect(f.receiver.received.filter(at('/orphan'))).toHaveLength(0); // still leased
    const [hit] = await f.receiver.waitFor(1, at('/orphan'));
    expect(hit!.headers['webhook-id']).toBe(e.id);
    const late = await s.webhooks.finishAttempt(dead!.delivery.id, 'wkr_dead', {
      endpointId: ep.id,
      at: Date.now(),
      attempt: null,
      status: 'delivered',
      nextAt: Date.now(),
      streak: 'success',
    });
    expect(late).toBe(false);
    await until(async () => (await attempts(f, ep.id)).length === 1);
    expect((await s.webhooks.listDeliveries(e.id)).filter((d) => d.endpointId === ep.id).map((d) => d.status)).toEqual(['delivered']);
  });

  test('redeliver sends an event again under the same webhook-id', async () => {
    const ep = await f.endpoint('/again', ['token.deleted']);
    const tokenId = await f.tokenize();
    expect((await f.call('DELETE', `/v1/tokens/${tokenId}`)).status).toBe(200);
    const [first] = await f.receiver.waitFor(1, at('/again'));
    const event = verify(ep.secret, first!) as { id: string; data: { tokenId: string } };
    expect(event.data.tokenId).toBe(tokenId);
    const res = await f.call('POST', `/v1/events/${event.id}/redeliver`);
    expect(await res.json()).toEqual({ id: event.id, deliveries: 1 });
    const hits = await f.receiver.waitFor(2, at('/again'));
    expect(hits.map((r) => r.headers['webhook-id'])).toEqual([event.id, event.id]);
    expect((await f.call('POST', '/v1/events/evt_nope/redeliver')).status).toBe(404);
  });
});
