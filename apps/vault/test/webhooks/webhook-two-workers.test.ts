import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newEvent } from '../../src/stores/events/new-event';
import { openPgStores } from '../../src/stores/postgres/pg-stores';
import type { VaultStores } from '../../src/stores/vault-stores';
import { makeHarness, secretHeaders, type Harness } from '../harness';
import { freshPgSchema, type PgSchema } from '../support/services';
import { startReceiver, type Receiver } from './receiver';
import { FAST_SCHEDULE } from './webhook-fixture';

/** Two vault processes (two builders, each with its worker) on one PostgreSQL schema. */
let pg: PgSchema;
let a: Harness;
let b: Harness;
let receiver: Receiver;
beforeAll(async () => {
  pg = await freshPgSchema();
  const env = {
    ...pg.env,
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1',
    TOKENFRAME_WEBHOOK_POLL_MS: '10',
  };
  a = await makeHarness(env, { webhookSchedule: FAST_SCHEDULE });
  b = await makeHarness(env, { webhookSchedule: FAST_SCHEDULE });
  for (const h of [a, b]) Object.defineProperty(h.clock, 'now', { get: () => Date.now() });
  receiver = await startReceiver();
});
afterAll(async () => {
  await a.close();
  await b.close();
  await receiver.close();
  await pg.drop();
});

test('two workers on PostgreSQL: 300 events, each delivered exactly once (0 duplicates from double claiming), both workers delivering', async () => {
  const sk = (await a.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'webhooks:write')).key;
  receiver.answer = () => ({ status: 204 });
  const res = await a.api.request('/v1/webhook_endpoints', {
    method: 'POST',
    headers: { ...secretHeaders(sk), 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${receiver.url}`, events: ['key.rolled'] }),
  });
  expect(res.status).toBe(201);
  const accountId = (await a.vault.keys.account('shop'))!.id;
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: 300 }, async (_, i) => {
      const e = newEvent('key.rolled', { accountId, livemode: false }, { keyId: `key_${i}` }, Date.now());
      ids.push(e.id);
      await (i % 2 ? a : b).vault.stores.events.record(e);
    }),
  );
  await receiver.waitFor(300, () => true, 20_000);
  await new Promise((r) => setTimeout(r, 300));
  const counts = new Map<string, number>();
  for (const r of receiver.received) counts.set(String(r.headers['webhook-id']), (counts.get(String(r.headers['webhook-id'])) ?? 0) + 1);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...ids].sort());
  const attempts = await a.vault.stores.webhooks.listAttempts((await a.vault.stores.webhooks.listEndpoints(accountId, false))[0]!.id, 1000);
  expect(attempts).toHaveLength(300);
  expect(new Set(attempts.map((x) => x.deliveryId)).size).toBe(300);
  expect(attempts.every((x) => x.status === 204 && x.attempt === 1)).toBe(true);
  expect(new Set(attempts.map((x) => x.worker))).toEqual(new Set([a.vault.webhookWorker.id, b.vault.webhookWorker.id]));
  const statuses = new Set((await Promise.all(ids.map((id) => a.vault.stores.webhooks.listDeliveries(id)))).flat().map((d) => d.status));
  expect(statuses).toEqual(new Set(['delivered']));
}, 30_000);

test('claimDue under contention: 4 claimers on 2 pools never claim one delivery twice', async () => {
  const s1 = await openPgStores(pg.url, { schema: pg.schema, poolSize: 4 });
  const s2 = await openPgStores(pg.url, { schema: pg.schema, poolSize: 4 });
  try {
    await a.vault.webhookWorker.stop();
    await b.vault.webhookWorker.stop();
    const accountId = (await a.vault.keys.account('shop'))!.id;
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const e = newEvent('key.rolled', { accountId, livemode: false }, { keyId: `key_c${i}` }, 0);
      await s1.events.record(e);
      for (const d of await s1.webhooks.listDeliveries(e.id)) ids.add(d.id);
    }
    const claimed: string[] = [];
    const claimer = async (s: VaultStores, owner: string) => {
      for (;;) {
        const got = await s.webhooks.claimDue(owner, Date.now(), 60_000, 7);
        if (got.length === 0) return;
        claimed.push(...got.map((c) => c.delivery.id));
      }
    };
    await Promise.all([claimer(s1, 'w1'), claimer(s2, 'w2'), claimer(s1, 'w3'), claimer(s2, 'w4')]);
    expect(claimed.length).toBe(ids.size);
    expect(new Set(claimed)).toEqual(ids);
  } finally {
    await s1.close();
    await s2.close();
  }
}, 30_000);
