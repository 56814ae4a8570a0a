// Co-badged cards (EU IFR 2015/751 art. 8; DESIGN.md "Co-badged cards"): the network the shopper chose
// travels in the sealed claims, is stored on the token, comes back as `card.network` from
// GET /v1/tokens/:id, and is what a charge routes on (routingNetwork).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { routingNetwork } from '../src/services/routing-network';
import { makeHarness, secretHeaders, SHOP, type Harness } from './harness';

let h: Harness;
let pk: string;
let sk: string;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read')).key;
});
afterAll(() => h.close());

async function tokenize(claims: Record<string, unknown>): Promise<Response> {
  const sid = await h.session(pk);
  return h.tokenize(pk, await h.seal({ pk, sid, cvc: '123', ...claims }));
}

async function read(id: string): Promise<{ card: Record<string, unknown> }> {
  const res = await h.api.request(`/v1/tokens/${id}`, { headers: secretHeaders(sk) });
  expect(res.status).toBe(200);
  return (await res.json()) as { card: Record<string, unknown> };
}

describe('co-badged cards', () => {
  test.each([
    ['5555552500001001', 'mastercard'],
    ['5555552500001001', 'cartes_bancaires'],
    ['4000002500001001', 'visa'],
  ])('%s sealed with network %s: stored, read back as card.network, routed on', async (pan, network) => {
    const res = await tokenize({ pan, network });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; card: Record<string, unknown> };
    // The publishable side's answer is unchanged: brand, last4, expiry.
    expect(Object.keys(created.card).sort()).toEqual(['brand', 'expMonth', 'expYear', 'last4']);
    const { card } = await read(created.id);
    expect(card).toMatchObject({ brand: 'cartes_bancaires', last4: '1001', network });
    const stored = await h.vault.stores.tokens.find(created.id);
    expect(stored?.network).toBe(network);
    expect(routingNetwork(stored!)).toBe(network);
  });

  test('without a network claim the token has none: no card.network, nothing to route on', async () => {
    const res = await tokenize({ pan: '5555552500001001' });
    const { id } = (await res.json()) as { id: string };
    const { card } = await read(id);
    expect(card).not.toHaveProperty('network');
    expect(routingNetwork((await h.vault.stores.tokens.find(id))!)).toBeUndefined();
  });

  test.each([
    ['5555552500001001', 'visa'],
    ['4000002500001001', 'mastercard'],
    ['4242424242424242', 'cartes_bancaires'],
    ['5555552500001001', 'Mastercard'],
  ])('%s sealed with network %s (not one of its networks) → 400 malformed_request naming the claim', async (pan, network) => {
    const res = await tokenize({ pan, network });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; param: string } };
    expect(error).toMatchObject({ code: 'malformed_request', param: 'jwe' });
    expect(error.message).toContain('"network"');
    expect(error.message).not.toContain(pan);
  });
});
