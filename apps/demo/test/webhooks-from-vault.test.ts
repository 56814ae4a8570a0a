// POST /webhooks/tokenframe against a real vault (SQLite, ephemeral ports) delivering to the demo
// backend over real HTTP, and a real processor simulator: a paid order's charge.succeeded (and its
// token's token.created) arrive signed, are verified with @tokenframe/node and recorded once; a
// forged or stale delivery is refused with 400 and leaves nothing behind.
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserTokenize, cliJson } from '../../vault/test/live-vault';
import { createDemoApp, WebhookInbox, type DemoConfig } from '../src/index';
import { startDemoShop, type DemoShop } from './support/demo-shop';

let env: DemoShop['env'];
let vault: DemoShop['vault'];
let server: ServerType;
let config: DemoConfig;
let pk: string;
let shop: DemoShop | undefined;
const inbox = new WebhookInbox();
/** What reached the webhook URL, as sent (to replay a real delivery). */
const received: { body: string; headers: Headers; status: number }[] = [];

beforeAll(async () => {
  shop = await startDemoShop({ TOKENFRAME_WEBHOOK_POLL_MS: '50' });
  ({ env, vault, config, pk } = shop);
  const app = createDemoApp(config, { sdkScript: async () => undefined, inbox });
  server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      const copy = req.clone();
      const res = await app.fetch(req);
      if (new URL(req.url).pathname === '/webhooks/tokenframe')
        received.push({ body: await copy.text(), headers: copy.headers, status: res.status });
      return res;
    },
  });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/tokenframe`;
  const endpoint = await cliJson(
    env,
    'webhooks',
    'create',
    '--account',
    'shop',
    '--env',
    'test',
    '--url',
    url,
    '--event',
    'charge.succeeded',
    '--event',
    'charge.declined',
    '--event',
    'token.created',
  );
  config.webhookSecret = endpoint.secret as string;
}, 30_000);
afterAll(async () => {
  await shop?.stop();
  await new Promise((r) => server?.close(r));
});

const app = () => createDemoApp(config, { sdkScript: async () => undefined, inbox });
const eventsOf = async (chargeId: string) =>
  ((await (await app().request(`/api/orders/${chargeId}/events`)).json()) as { data: { type: string; id: string; createdAt: number }[] })
    .data;
async function until<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
}
async function paidCharge(): Promise<string> {
  const { id: token } = (await (await browserTokenize(vault, pk, 'http://localhost:5173')).res.json()) as { id: string };
  const res = await app().request('/api/pay', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: JSON.stringify({ token }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { charge: { id: string } }).charge.id;
}
/** A Standard Webhooks signature as a sender with `secret` would make it. */
function sign(body: string, secret: string, id: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const sig = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${sig}` };
}
const post = (body: string, headers: Record<string, string>) => app().request('/webhooks/tokenframe', { method: 'POST', headers, body });

test('a paid order: the vault delivers token.created and charge.succeeded, verified and recorded once each; the page can read them (public values only)', async () => {
  const chargeId = await paidCharge();
  const events = await until(async () => {
    const e = await eventsOf(chargeId);
    return e.some((x) => x.type === 'charge.succeeded') && e.some((x) => x.type === 'token.created') ? e : undefined;
  });
  expect(events.map((e) => e.type).sort()).toEqual(['charge.succeeded', 'token.created']);
  for (const e of events) expect(Object.keys(e).sort()).toEqual(['createdAt', 'id', 'type']);
  expect(events.every((e) => /^evt_/.test(e.id) && Number.isInteger(e.createdAt))).toBe(true);
  const delivered = received.filter((r) => events.some((e) => e.id === r.headers.get('webhook-id')));
  expect(delivered.map((r) => r.status)).toEqual([200, 200]);

  // A redelivery (the same signed bytes again, as the vault's at-least-once retry would send) is acknowledged, not recorded twice.
  const sizeBefore = inbox.size;
  const again = await post(delivered[0]!.body, Object.fromEntries(delivered[0]!.headers));
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual({ received: true, duplicate: true });
  expect(inbox.size).toBe(sizeBefore);
  expect(await eventsOf(chargeId)).toEqual(events);
}, 30_000);

test('a forged delivery (signed with another secret) → 400 no_matching_signature, nothing recorded', async () => {
  const chargeId = await paidCharge();
  await until(async () => ((await eventsOf(chargeId)).some((e) => e.type === 'charge.succeeded') ? true : undefined));
  const forgedId = `evt_forged${randomBytes(6).toString('hex')}`;
  const body = JSON.stringify({ id: forgedId, type: 'charge.refunded', createdAt: Date.now(), livemode: false, data: { chargeId } });
  const sizeBefore = inbox.size;
  const res = await post(body, sign(body, `whsec_${randomBytes(24).toString('base64')}`, forgedId));
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: { code: 'no_matching_signature' } });
  // Unsigned, too: missing_header.
  const bare = await post(body, { 'content-type': 'application/json' });
  expect(bare.status).toBe(400);
  expect(await bare.json()).toMatchObject({ error: { code: 'missing_header' } });
  expect(inbox.size).toBe(sizeBefore);
  expect((await eventsOf(chargeId)).map((e) => e.type)).not.toContain('charge.refunded');
}, 30_000);

test('a stale delivery (right secret, timestamp 10 minutes old) → 400 timestamp_too_old, nothing recorded', async () => {
  const id = `evt_stale${randomBytes(6).toString('hex')}`;
  const body = JSON.stringify({
    id,
    type: 'charge.succeeded',
    createdAt: Date.now(),
    livemode: false,
    data: { chargeId: 'ch_stalestalestale00' },
  });
  const sizeBefore = inbox.size;
  const res = await post(body, sign(body, config.webhookSecret!, id, Math.floor(Date.now() / 1000) - 600));
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: { code: 'timestamp_too_old' } });
  expect(inbox.size).toBe(sizeBefore);
  expect(await eventsOf('ch_stalestalestale00')).toEqual([]);
});

test('without a webhook secret the endpoint answers 503; a malformed charge id → 400', async () => {
  const bare = createDemoApp({ ...config, webhookSecret: undefined }, { sdkScript: async () => undefined });
  expect((await bare.request('/webhooks/tokenframe', { method: 'POST', body: '{}' })).status).toBe(503);
  expect((await app().request('/api/orders/not-a-charge/events')).status).toBe(400);
});
