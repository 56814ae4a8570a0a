// POST /api/pay against a real vault (SQLite, ephemeral ports) and a real processor simulator: the
// backend charges the token through @tokenframe/node and answers with the charge, a decline with
// its reason for the shopper, or the vault's code.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserTokenize } from '../../vault/test/live-vault';
import { createDemoApp, type DemoConfig } from '../src/index';
import { startDemoShop, type DemoShop } from './support/demo-shop';

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
const pay = (body: Record<string, string>) =>
  app().request('/api/pay', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: JSON.stringify(body),
  });
const newToken = async () => ((await (await browserTokenize(vault, pk, 'http://localhost:5173')).res.json()) as { id: string }).id;
const authsOf = (chargeId: string) => sim.ledger.all().filter((t) => t.kind === 'auth' && t.orderid === chargeId);

test('a real token → charged $75.00 (the order total): the charge id, brand, last4, authorization code and reference', async () => {
  const token = await newToken();
  const res = await pay({ token });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; charge: Record<string, unknown> & { id: string } };
  expect(body).toEqual({
    token,
    charge: {
      id: expect.stringMatching(/^ch_/),
      status: 'succeeded',
      amount: 7500,
      currency: 'usd',
      brand: 'visa',
      last4: '4242',
      authcode: expect.stringMatching(/^PPS\d+$/),
      retref: expect.stringMatching(/^\d{12}$/),
    },
  });
  expect(authsOf(body.charge.id)).toMatchObject([{ amount: 7500, captured: 7500, respstat: 'A' }]);
});

test('the same token sent twice at once (a double-click) → one charge, one authorization', async () => {
  const token = await newToken();
  const [a, b] = await Promise.all([pay({ token }), pay({ token })]);
  const [ca, cb] = (await Promise.all([a.json(), b.json()])) as { charge: { id: string } }[];
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(cb!.charge.id).toBe(ca!.charge.id);
  expect(authsOf(ca!.charge.id)).toHaveLength(1);
  expect(sim.ledger.all().filter((t) => t.kind === 'auth' && t.last4 === '4242' && t.amount === 7500)).toHaveLength(2); // this test's and the first's
});

test.each([
  [
    'insufficient_funds',
    111_600,
    '116',
    'Your card was declined (Insufficient funds). You have not been charged — please try another card.',
  ],
  ['do_not_honor', 110_000, '100', 'Your card was declined (Do not honor). You have not been charged — please try another card.'],
])('outcome %s → $%i declines: 402 with the reason for the shopper and the declined charge', async (outcome, amount, code, message) => {
  const res = await pay({ token: await newToken(), outcome });
  expect(res.status).toBe(402);
  const body = (await res.json()) as { error: Record<string, string>; charge: { id: string; status: string; amount: number } };
  expect(body.error).toEqual({ type: 'card_error', code: 'card_declined', declineCode: code, message });
  expect(body.charge).toMatchObject({ status: 'declined', amount });
  expect(authsOf(body.charge.id)).toMatchObject([{ respstat: 'C', respcode: code }]);
});

test.each([
  [
    '4387750101010101 (partial approval, voided)',
    '4387750101010101',
    'Your card was approved for less than the total, so the payment was cancelled. You have not been charged — please try another card.',
  ],
  [
    '4999006200620062 (retry, respstat B)',
    '4999006200620062',
    'Your bank could not be reached. You have not been charged — please try again in a moment.',
  ],
])("the simulator's test card %s → declined, worded for the shopper", async (_name, pan, message) => {
  const { res } = await browserTokenize(vault, pk, 'http://localhost:5173', { pan });
  const paid = await pay({ token: ((await res.json()) as { id: string }).id });
  expect(paid.status).toBe(402);
  const body = (await paid.json()) as { error: Record<string, string>; charge: { id: string; status: string } };
  expect(body.error).toMatchObject({ type: 'card_error', code: 'card_declined', message });
  expect(body.charge.status).toBe('declined');
});

test('an unknown token → 404 with a message for the shopper; an unknown outcome → 400 before the vault', async () => {
  const missing = await pay({ token: 'tok_doesnotexist0000' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({
    error: { code: 'resource_missing', message: expect.stringContaining('could not confirm this card') },
  });
  const before = sim.ledger.all().length;
  expect((await pay({ token: await newToken(), outcome: 'free' })).status).toBe(400);
  expect(sim.ledger.all().length).toBe(before);
});

test("a co-badged Cartes Bancaires token → the charge carries the network the shopper chose (the demo's result line shows it)", async () => {
  const chosen = await browserTokenize(vault, pk, 'http://localhost:5173', { pan: '5555552500001001', network: 'mastercard' });
  const { id } = (await chosen.res.json()) as { id: string };
  expect(await (await pay({ token: id })).json()).toMatchObject({
    token: id,
    charge: { status: 'succeeded', brand: 'cartes_bancaires', last4: '1001', network: 'mastercard' },
  });
  const plain = await browserTokenize(vault, pk, 'http://localhost:5173');
  const body = (await (await pay({ token: ((await plain.res.json()) as { id: string }).id })).json()) as {
    charge: Record<string, unknown>;
  };
  expect(body.charge).not.toHaveProperty('network');
});
