import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LoggedRequest, TxnRecord } from '@tokenframe/processor-sim';
import { maskCardNumbers } from '../../src/log/mask-card-numbers';
import { armFault, chargeWorld, type ChargeWorld } from './charge-support';

let w: ChargeWorld;
let psk: string;
beforeAll(async () => {
  w = await chargeWorld({ TOKENFRAME_PROCESSOR_TIMEOUT_MS: '500' });
  psk = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'proxy:invoke', '--scope', 'tokens:read')).key;
});
afterAll(() => w.close());

const sent = async () => (await w.simGet<{ requests: LoggedRequest[] }>('/__sim/requests')).requests.length;
const proxy = (path: string, body: unknown, sk = psk) => w.post(`/v1/proxy/${w.connection}${path}`, body, { sk, idem: null });
const authBody = (tok: string, over: Record<string, string> = {}) => ({
  merchid: '800000000001',
  account: `{{ ${tok} | pan }}`,
  expiry: `{{${tok}|expiry:'MMYY'}}`,
  cvv2: `{{ ${tok} | cvc }}`,
  postal: `{{ ${tok} | postal }}`,
  amount: '1000',
  currency: 'USD',
  orderid: `px-${tok.slice(-6)}`,
  capture: 'Y',
  ...over,
});

describe('POST /v1/proxy/:connection/<path>', () => {
  test("an authorization with the card substituted: the processor's answer comes back as it is, the CVC is then gone", async () => {
    const tok = await w.token({ cvc: '112', postal: '10001', expMonth: 7, expYear: 2031 });
    const res = await proxy('/cardconnect/rest/auth', authBody(tok));
    expect(res.status).toBe(200);
    const wrapped = (await res.json()) as { status: number; contentType: string; body: Record<string, string> };
    expect(wrapped).toMatchObject({ status: 200, contentType: expect.stringContaining('application/json') });
    const a = wrapped.body;
    expect(a).toMatchObject({ respstat: 'A', respcode: '00', cvvresp: 'M', amount: '10.00' });
    expect(a.account).toMatch(/^9\d{15}$/);
    const txn = (await w.simGet<{ transactions: TxnRecord[] }>('/__sim/ledger')).transactions.find((t) => t.retref === a.retref)!;
    expect(txn).toMatchObject({ last4: '4242', captured: 1000, cvvresp: 'M' });
    const logged = (await w.simGet<{ requests: LoggedRequest[] }>('/__sim/requests')).requests.at(-1)!;
    expect(logged.body).toMatchObject({ expiry: '0731', postal: '10001', account: '************4242' });
    expect(((await (await w.get(`/v1/tokens/${tok}`, psk)).json()) as { cvcPresent: boolean }).cvcPresent).toBe(false);
    // Used once: a second {{ | cvc }} is refused before anything is sent.
    const before = await sent();
    const again = await proxy('/cardconnect/rest/auth', authBody(tok));
    expect(again.status).toBe(400);
    expect(await sent()).toBe(before);
  });

  test("a card number in the processor's answer is masked", async () => {
    const res = await proxy('/cardconnect/rest/4111111111111111', {});
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 404, body: { status: 404, error: 'Not Found' } });
    expect(text).toContain('************1111');
    expect(text).not.toContain('4111111111111111');
    expect(maskCardNumbers('{"a":"4242 4242 4242 4242","b":"1234567890123","c":"x5555555555554444y","d":"123"}', ['123'])).toBe(
      '{"a":"************4242","b":"1234567890123","c":"x************4444y","d":"***"}',
    );
  });

  test.each([
    ['an unknown filter', (t: string) => ({ account: `{{ ${t} | number }}` }), /body\.account, character 0: unknown filter "number"/],
    ['a broken expression', (t: string) => ({ x: { y: [`ab {{ ${t} pan }}`] } }), /body\.x\.y\[0\], character 3/],
    ['an unknown expiry format', (t: string) => ({ expiry: `{{ ${t} | expiry: 'YY' }}` }), /unknown expiry format/],
    ['an unknown token', () => ({ account: '{{ tok_nothere000000000000000 | pan }}' }), /unknown token tok_nothere/],
    [
      'more than 20 tokens',
      () => ({ list: Array.from({ length: 21 }, (_, i) => `{{ tok_${String(i).padStart(24, 'x')} | pan }}`) }),
      /body\.list\[20\].*more than 20 tokens/,
    ],
  ])('refuses %s with 400 and its position; nothing is sent', async (_n, body, message) => {
    const tok = await w.token();
    const before = await sent();
    const res = await proxy('/cardconnect/rest/auth', body(tok));
    expect(res.status).toBe(400);
    const e = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(e.code).toBe('invalid_proxy_expression');
    expect(e.message).toMatch(message);
    expect(await sent()).toBe(before);
  });

  test("another account's token is an unknown token; another account's connection is 404; no scope is 403; an encoded slash is refused", async () => {
    const otherPk = (await w.h.key('--account', 'other', '--type', 'publishable', '--env', 'test', '--origin', 'http://localhost:5173'))
      .key;
    const otherSk = (await w.h.key('--account', 'other', '--type', 'secret', '--env', 'test', '--scope', 'proxy:invoke')).key;
    const theirs = await w.token({}, otherPk);
    const before = await sent();
    const a = await proxy('/cardconnect/rest/auth', authBody(theirs));
    expect([a.status, ((await a.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      expect.stringContaining(`unknown token ${theirs}`),
    ]);
    expect((await proxy('/cardconnect/rest/auth', {}, otherSk)).status).toBe(404);
    expect((await proxy('/cardconnect/rest/auth', {}, w.sk)).status).toBe(403);
    // (A literal `..` is resolved by URL parsing before routing, so it cannot climb out of the connection's base.)
    expect((await proxy('/cardconnect/rest%2Fauth', {})).status).toBe(400);
    expect(await sent()).toBe(before);
  });

  test('a processor that does not answer: 504 processor_timeout', async () => {
    const tok = await w.token();
    await armFault(w, 'accept-then-timeout', 'auth');
    const res = await proxy('/cardconnect/rest/auth', authBody(tok));
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('processor_timeout');
  });
});
