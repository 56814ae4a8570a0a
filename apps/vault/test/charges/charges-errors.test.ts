import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LoggedRequest } from '@tokenframe/processor-sim';
import { CHARGE_SCOPES, chargeWorld, type ChargeWorld } from './charge-support';

let w: ChargeWorld;
let token: string;
beforeAll(async () => {
  w = await chargeWorld({ TOKENFRAME_CHARGE_MAX_AMOUNT: '500000' });
  token = await w.token();
});
afterAll(() => w.close());

const authCount = async () =>
  (await w.simGet<{ requests: LoggedRequest[] }>('/__sim/requests')).requests.filter((r) => r.endpoint === 'auth').length;
const err = async (res: Response) => ((await res.json()) as { error: { code: string; param?: string; message: string } }).error;

describe('POST /v1/charges refuses bad input before anything reaches the processor', () => {
  test.each([
    ['amount 0', { amount: 0 }, 400, 'invalid_amount'],
    ['a negative amount', { amount: -5 }, 400, 'invalid_amount'],
    ['a decimal amount', { amount: 10.5 }, 400, 'invalid_amount'],
    ['an amount as a string', { amount: '1000' }, 400, 'invalid_amount'],
    ['an amount over the configured maximum', { amount: 500001 }, 400, 'invalid_amount'],
    ['an unknown currency', { currency: 'xxx' }, 400, 'invalid_currency'],
    ['an unknown field', { foo: 1 }, 400, 'malformed_request'],
    ['capture as a string', { capture: 'yes' }, 400, 'malformed_request'],
    ['an unknown token', { token: 'tok_doesnotexist000000000' }, 404, 'resource_missing'],
    ['a malformed token', { token: 'pan:4242' }, 404, 'resource_missing'],
    ['an unknown connection', { connection: 'conn_nope' }, 404, 'resource_missing'],
  ])('%s', async (_name, over, status, code) => {
    const before = await authCount();
    const res = await w.post('/v1/charges', { token, amount: 1000, currency: 'usd', ...over });
    expect(res.status).toBe(status);
    expect((await err(res)).code).toBe(code);
    expect(await authCount()).toBe(before);
  });

  test('Idempotency-Key is required', async () => {
    const res = await w.post('/v1/charges', { token, amount: 1000, currency: 'usd' }, { idem: null });
    expect(res.status).toBe(400);
    expect(await err(res)).toMatchObject({ code: 'malformed_request', param: 'Idempotency-Key' });
  });

  test('keys: none 401, revoked 401, without charges:write 403 (default scopes have none), charges:read only reads', async () => {
    const before = await authCount();
    const body = { token, amount: 1000, currency: 'usd' };
    expect(
      (
        await w.h.api.request('/v1/charges', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'x' },
          body: JSON.stringify(body),
        })
      ).status,
    ).toBe(401);
    const plain = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test')).key;
    const r1 = await w.post('/v1/charges', body, { sk: plain });
    expect([r1.status, (await err(r1)).code]).toEqual([403, 'insufficient_scope']);
    const reader = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'charges:read')).key;
    expect((await w.post('/v1/charges', body, { sk: reader })).status).toBe(403);
    const revoked = await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...CHARGE_SCOPES);
    await w.h.cli('keys', 'revoke', '--key', revoked.id);
    const r2 = await w.post('/v1/charges', body, { sk: revoked.key });
    expect([r2.status, (await err(r2)).code]).toEqual([401, 'revoked_key']);
    const withBrowser = await w.h.api.request('/v1/charges', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${w.sk}`,
        Origin: 'http://localhost:5173',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'y',
      },
      body: JSON.stringify(body),
    });
    expect(withBrowser.status).toBe(403);
    expect(await authCount()).toBe(before);
    const ok = (await (await w.post('/v1/charges', body)).json()) as { id: string };
    expect((await w.get(`/v1/charges/${ok.id}`, reader)).status).toBe(200);
    expect((await w.get(`/v1/charges/${ok.id}`, plain)).status).toBe(403);
  });

  test('a card on file that has since expired is refused (402 expired_card) without a processor call', async () => {
    const now = new Date();
    const t = await w.token({ expMonth: 12, expYear: now.getUTCFullYear() + 1 });
    const persister = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:persist')).key;
    expect((await w.post(`/v1/tokens/${t}/persist`, undefined, { sk: persister })).status).toBe(200);
    w.h.clock.now = Date.UTC(now.getUTCFullYear() + 2, 0, 15);
    try {
      const before = await authCount();
      const res = await w.post('/v1/charges', { token: t, amount: 1000, currency: 'usd' });
      expect(res.status).toBe(402);
      expect(await err(res)).toMatchObject({ code: 'expired_card', param: 'token' });
      expect(await authCount()).toBe(before);
    } finally {
      w.h.clock.now = Date.now();
    }
  });
});

describe('isolation: other accounts and modes see nothing', () => {
  test("a token of another account, a live key on a test token, another account's charge: all the same 404", async () => {
    const otherPk = (await w.h.key('--account', 'other', '--type', 'publishable', '--env', 'test', '--origin', 'http://localhost:5173'))
      .key;
    const otherSk = (await w.h.key('--account', 'other', '--type', 'secret', '--env', 'test', ...CHARGE_SCOPES)).key;
    const liveSk = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'live', ...CHARGE_SCOPES)).key;
    const theirs = await w.token({}, otherPk);
    const mine = (await (await w.post('/v1/charges', { token, amount: 900, currency: 'usd' })).json()) as { id: string };
    const unknown = await err(await w.post('/v1/charges', { token: 'tok_000000000000000000000000', amount: 900, currency: 'usd' }));
    const before = await authCount();
    const a = await w.post('/v1/charges', { token: theirs, amount: 900, currency: 'usd' });
    const b = await w.post('/v1/charges', { token, amount: 900, currency: 'usd' }, { sk: liveSk });
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(await err(a)).toMatchObject({ code: unknown.code, message: unknown.message, param: 'token' });
    expect((await err(b)).message).toBe(unknown.message);
    for (const sk of [otherSk, liveSk]) {
      expect((await w.get(`/v1/charges/${mine.id}`, sk)).status).toBe(404);
      expect((await w.post(`/v1/charges/${mine.id}/refund`, {}, { sk })).status).toBe(404);
    }
    expect((await w.get('/v1/charges/ch_AAAAAAAAAAAAAAAA')).status).toBe(404);
    // The other account has no connection: its charges are refused, clearly.
    const mineForThem = await w.token({}, otherPk);
    const noConn = await w.post('/v1/charges', { token: mineForThem, amount: 900, currency: 'usd' }, { sk: otherSk });
    expect([noConn.status, (await err(noConn)).code]).toEqual([400, 'connection_missing']);
    // A test key cannot name a live connection (a test token never goes to a live processor).
    const live = await w.h.vault.connections.create({
      account: 'shop',
      env: 'live',
      kind: 'cardpointe',
      url: 'https://gw.example.com',
      merchid: '800000000001',
      username: 'u',
      password: 'p',
    });
    if (!live.ok) throw new Error(live.message);
    expect((await w.post('/v1/charges', { token, amount: 900, currency: 'usd', connection: live.value.id })).status).toBe(404);
    // A live key cannot name the test connection either.
    expect((await w.post('/v1/charges', { token, amount: 900, currency: 'usd', connection: w.connection }, { sk: liveSk })).status).toBe(
      404,
    );
    expect(await authCount()).toBe(before);
  });
});
