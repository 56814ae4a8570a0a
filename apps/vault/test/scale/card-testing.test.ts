import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMES, makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { luhnCard } from '../support/services';

/** Rate limits and card-testing defence on POST /v1/tokens, in one process (memory counters). */
const LIMITS = {
  default: {
    perSession: [1000, 600],
    perIp: [1000, 60],
    distinctCardsPerBin: [5, 600],
    distinctCardsPerIp: [8, 600],
    perFingerprint: [3, 600],
  },
};
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const PROXY = '10.1.2.3';

let h: Harness;
let pk: string;
let pk2: string;
let sk: string;
beforeAll(async () => {
  h = await makeHarness({
    TOKENFRAME_RATE_LIMITS: JSON.stringify(LIMITS),
    TOKENFRAME_TRUSTED_PROXIES: '10.0.0.0/8',
    TOKENFRAME_METRICS_TOKEN: METRICS_TOKEN,
  });
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  pk2 = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'events:read')).key;
});
afterAll(() => h.close());

/** POST /v1/tokens as if through the load balancer at PROXY (or straight from `peer`). */
async function attempt(key: string, sid: string, pan: string, o: { forwardedFor?: string; peer?: string } = {}): Promise<Response> {
  const jwe = await h.seal({ pk: key, sid, pan });
  const headers: Record<string, string> = {
    Authorization: `Bearer ${key}`,
    'Content-Type': 'application/json',
    'Idempotency-Key': randomUUID(),
    Origin: FRAMES,
  };
  if (o.forwardedFor) headers['X-Forwarded-For'] = o.forwardedFor;
  const env = { incoming: { socket: { remoteAddress: o.peer ?? PROXY } } };
  return h.api.request('/v1/tokens', { method: 'POST', headers, body: JSON.stringify({ jwe }) }, env);
}
const codeOf = async (r: Response) => ((await r.json()) as { error?: { code: string } }).error?.code;
const events = async (type = 'card_testing_suspected') =>
  (
    (await (await h.api.request(`/v1/events?type=${type}`, { headers: secretHeaders(sk) })).json()) as {
      data: { type: string; data: Record<string, unknown> }[];
    }
  ).data;

describe('card testing', () => {
  test('a burst of distinct Luhn-valid cards from one BIN trips 429 + Retry-After and records one event', async () => {
    const sid = await h.session(pk);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push(await codeOf(await attempt(pk, sid, luhnCard('41111111'), { forwardedFor: `203.0.113.${i}` })));
    expect(codes).toEqual(Array(5).fill('live_card_in_test_mode')); // counted although each one failed
    const tripped = await attempt(pk, sid, luhnCard('41111111'), { forwardedFor: '203.0.113.99' });
    expect([tripped.status, await codeOf(tripped)]).toEqual([429, 'rate_limited']);
    expect(Number(tripped.headers.get('Retry-After'))).toBeGreaterThan(500);
    // The BIN stays blocked for the window, and the event is recorded once.
    expect((await attempt(pk, sid, luhnCard('41111111'), { forwardedFor: '203.0.113.98' })).status).toBe(429);
    const recorded = await events();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.data).toMatchObject({ scope: 'bin', bin: '41111111', distinctCards: 6, limit: 5 });
    // Another BIN is unaffected; a test card still tokenizes.
    expect((await attempt(pk, sid, '4242424242424242', { forwardedFor: '203.0.113.97' })).status).toBe(201);
  });

  test('a burst of distinct cards (many BINs) from one client IP trips; other IPs are not affected', async () => {
    const sid = await h.session(pk2);
    const ip = '198.51.100.7';
    for (let i = 0; i < 8; i++)
      expect(await codeOf(await attempt(pk2, sid, luhnCard(`5${i}1000`), { forwardedFor: ip }))).toBe('live_card_in_test_mode');
    expect((await attempt(pk2, sid, luhnCard('590000'), { forwardedFor: ip })).status).toBe(429);
    expect((await attempt(pk2, sid, luhnCard('590000'), { forwardedFor: '198.51.100.8' })).status).toBe(402);
    expect((await events()).map((e) => e.data.scope)).toContain('ip');
  });

  test('X-Forwarded-For is believed only from a trusted proxy: a client cannot rotate its IP by writing the header', async () => {
    const k = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
    const sid = await h.session(k);
    const direct = '192.0.2.50'; // not in TOKENFRAME_TRUSTED_PROXIES
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await attempt(k, sid, luhnCard(`6${i}2000`), { peer: direct, forwardedFor: `1.2.3.${i}` })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(402));
    expect(statuses[8]).toBe(429);
  });

  test('the same card over and over trips the per-fingerprint limit', async () => {
    const sid = await h.session(pk2);
    const pan = luhnCard('37828224', 15);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(pk2, sid, pan, { forwardedFor: `100.64.0.${i}` })).status);
    expect(statuses).toEqual([402, 402, 402, 429]);
  });
});

describe('idempotency', () => {
  test('keys are scoped per API key: two keys may use one Idempotency-Key for different requests', async () => {
    const idem = randomUUID();
    const a = await h.tokenize(pk, await h.seal({ pk, sid: await h.session(pk) }), idem, { 'X-Forwarded-For': '100.70.0.1' });
    const b = await h.tokenize(pk2, await h.seal({ pk: pk2, sid: await h.session(pk2) }), idem, { 'X-Forwarded-For': '100.70.0.2' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(((await a.json()) as { id: string }).id).not.toBe(((await b.json()) as { id: string }).id);
  });
});

describe('GET /v1/events and GET /metrics', () => {
  test('events need a secret key with events:read; reveals are listed', async () => {
    const noScope = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test')).key;
    expect((await h.api.request('/v1/events', { headers: secretHeaders(noScope) })).status).toBe(403);
    expect((await h.api.request('/v1/events', { headers: { Authorization: `Bearer ${pk}` } })).status).toBe(401);
    expect((await h.api.request('/v1/events?limit=1000', { headers: secretHeaders(sk) })).status).toBe(400);
    const revealer = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:reveal')).key;
    // Another test card: 4242… has spent its per-fingerprint allowance above.
    const created = (await (await h.tokenize(pk, await h.seal({ pk, sid: await h.session(pk), pan: '5555555555554444' }))).json()) as {
      id: string;
    };
    expect((await h.api.request(`/v1/tokens/${created.id}/reveal`, { method: 'POST', headers: secretHeaders(revealer) })).status).toBe(200);
    expect((await events('token.revealed')).map((e) => e.data.tokenId)).toEqual([created.id]);
  });

  test.each([
    ['no token', '', 401],
    ['a wrong token', 'Bearer nope-nope-nope-nope-nope', 401],
    ['the metrics token', `Bearer ${METRICS_TOKEN}`, 200],
  ])('/metrics with %s → %s %s', async (_n, auth, status) => {
    const res = await h.api.request('/metrics', auth ? { headers: { Authorization: auth } } : {});
    expect(res.status).toBe(status);
    // The same standard headers as every API answer, and a real request id (also in a 401's body).
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const requestId = res.headers.get('X-Request-Id');
    expect(requestId).toMatch(/^req_[A-Za-z0-9_-]{16}$/);
    if (status !== 200) {
      expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(requestId);
      return;
    }
    const text = await res.text();
    for (const line of [
      'tokenframe_tokenize_total{outcome="created"}',
      'tokenframe_tokenize_total{outcome="live_card_in_test_mode"}',
      'tokenframe_rate_limit_hits_total{limit="distinctCardsPerBin"}',
      'tokenframe_card_testing_suspected_total{scope="bin"} 1',
      'tokenframe_http_requests_total{method="POST",route="/v1/tokens",status="201"}',
      'tokenframe_http_request_duration_seconds_bucket{route="/v1/tokens",le="+Inf"}',
    ])
      expect(text).toContain(line);
    expect(text).not.toMatch(/tok_[A-Za-z0-9_-]{10}/); // no ids in labels
  });
});
