// POST /api/refund against a real vault (SQLite, ephemeral ports) and a real processor simulator:
// the backend refunds the whole charge through @tokenframe/node, once, however often it is asked.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserTokenize } from '../../vault/test/live-vault';
import { createDemoApp, type DemoConfig } from '../src/index';
import { startDemoShop, type DemoShop, ORIGIN } from './support/demo-shop';

let vault: DemoShop['vault'];
let sim: DemoShop['sim'];
let config: DemoConfig;
let pk: string;
let shop: DemoShop | undefined;

beforeAll(async () => {
  shop = await startDemoShop();
  ({ vault, sim, config, pk } = shop);
}, 30_000);
afterAll(() => shop?.stop());

const app = () => createDemoApp(config, { sdkScript: async () => undefined });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app().request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
const paidCharge = async (): Promise<string> => {
  const token = ((await (await browserTokenize(vault, pk, ORIGIN)).res.json()) as { id: string }).id;
  const res = await post('/api/pay', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { charge: { id: string } }).charge.id;
};
const refundsOf = (chargeId: string) => {
  const auth = sim.ledger.all().find((t) => t.kind === 'auth' && t.orderid === chargeId)!;
  return sim.ledger.all().filter((t) => t.kind === 'refund' && t.parent === auth.retref);
};

test('a paid charge → refunded in full ($75.00): the answer says so and the processor booked one refund', async () => {
  const id = await paidCharge();
  const res = await post('/api/refund', { charge: id });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ charge: { id, status: 'succeeded', currency: 'usd', amountRefunded: 7500, refunded: true } });
  expect(refundsOf(id)).toMatchObject([{ amount: 7500, respstat: 'A' }]);
});

test('two refund requests at once (a double click) and a third later → one refund at the processor, all three answer refunded', async () => {
  const id = await paidCharge();
  const [a, b] = await Promise.all([post('/api/refund', { charge: id }), post('/api/refund', { charge: id })]);
  const c = await post('/api/refund', { charge: id });
  for (const r of [a, b, c]) {
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ charge: { id, amountRefunded: 7500, refunded: true } });
  }
  expect(refundsOf(id)).toHaveLength(1);
});

test('refused before the vault: a foreign origin (403), not JSON (415), extra fields or a malformed id (400); an unknown charge → 404', async () => {
  const id = await paidCharge();
  const before = sim.ledger.all().length;
  expect((await post('/api/refund', { charge: id }, { origin: 'https://evil.example' })).status).toBe(403);
  expect(
    (
      await app().request('/api/refund', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'text/plain' },
        body: JSON.stringify({ charge: id }),
      })
    ).status,
  ).toBe(415);
  expect((await post('/api/refund', { charge: id, amount: 1 })).status).toBe(400);
  expect((await post('/api/refund', { charge: 'ch_../../x' })).status).toBe(400);
  expect((await post('/api/refund', [id])).status).toBe(400);
  expect(sim.ledger.all().length).toBe(before);
  const missing = await post('/api/refund', { charge: 'ch_doesnotexist0000' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { message: 'The shop could not find this payment.' } });
});
