import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FRAMES, makeHarness, SHOP, type Harness } from '../harness';
import { luhnCard } from '../support/services';

/**
 * Test keys + documented test cards: reusing 4242… is the normal sandbox case, so the per-card and
 * per-BIN limits do not apply to them; per-IP and per-key limits still do. Live keys keep them all.
 */
const LIMITS = {
  default: {
    perSession: [1000, 600],
    perIp: [8, 60],
    perFingerprint: [3, 600],
    perBin: [3, 60],
    distinctCardsPerIp: [2, 600],
    distinctCardsPerBin: [2, 600],
  },
};
let h: Harness;
let pkTest: string;
let pkLive: string;
beforeAll(async () => {
  h = await makeHarness({ TOKENFRAME_RATE_LIMITS: JSON.stringify(LIMITS) });
  pkTest = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  expect((await h.cli('origins', 'verify', '--account', 'shop', '--origin', SHOP)).code).toBe(0);
  pkLive = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'live', '--origin', SHOP)).key;
});
afterAll(() => h.close());

async function statuses(pk: string, pans: string[], ip: string): Promise<number[]> {
  const out: number[] = [];
  for (const pan of pans) {
    const sid = await h.session(pk); // a shopper reloading the checkout: a new session each time
    const jwe = await h.seal({ pk, sid, pan });
    const env = { incoming: { socket: { remoteAddress: ip } } };
    const headers = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), Origin: FRAMES };
    out.push((await h.api.request('/v1/tokens', { method: 'POST', headers, body: JSON.stringify({ jwe }) }, env)).status);
  }
  return out;
}

test.each([
  [
    'test key, 4242… nine times from one IP: per-card/BIN limits off, per-IP (8) on',
    () => pkTest,
    Array(9).fill('4242424242424242'),
    [...Array(8).fill(201), 429],
  ],
  [
    'test key, three different test cards: not card testing',
    () => pkTest,
    ['4000056655665556', '4111111111111111', '5555555555554444'],
    [201, 201, 201],
  ],
  [
    'test key, real-looking cards are still counted (always refused in test mode)',
    () => pkTest,
    [luhnCard('41111111'), luhnCard('41111111'), luhnCard('41111111')],
    [402, 402, 429],
  ],
  ['live key, the same card four times: per-card limit (3)', () => pkLive, Array(4).fill(luhnCard('45560000')), [201, 201, 201, 429]],
])('%s', async (_name, pk, pans, expected) => {
  expect(await statuses(pk(), pans, `192.0.2.${Math.floor(Math.random() * 250)}`)).toEqual(expected);
});
