import { randomUUID } from 'node:crypto';
import { isFrameStatusResponse } from '@tokenframe/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMES, makeHarness, SHOP, type Harness } from './harness';

let h: Harness;
let pk: string;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
});
afterAll(() => h.close());

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  h.api.request(path, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${pk}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
      Origin: FRAMES,
      ...headers,
    },
    body,
  });

describe('every API response', () => {
  test.each([
    ['GET', '/healthz'],
    ['GET', '/readyz'],
    ['GET', '/v1/jwks'],
    ['GET', '/v1/nope'],
    ['POST', '/v1/sessions'],
    ['GET', '/v1/frames/status?pk=x&origin=y'],
  ])('%s %s: JSON, nosniff, CSP, request id', async (method, path) => {
    const res = await h.api.request(path, { method });
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('X-Request-Id')).toMatch(/^req_/);
    JSON.parse(await res.text());
  });

  test('error bodies have exactly {type, code, message, param?, requestId}', async () => {
    const res = await h.api.request('/v1/nope');
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: expect.any(String),
      requestId: res.headers.get('X-Request-Id'),
    });
  });
});

describe('CORS', () => {
  test.each(['/v1/jwks', '/v1/sessions', '/v1/tokens'])(
    '%s: preflight from the frames origin allows Authorization, Content-Type, Idempotency-Key',
    async (path) => {
      const res = await h.api.request(path, { method: 'OPTIONS', headers: { Origin: FRAMES, 'Access-Control-Request-Method': 'POST' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(FRAMES);
      expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type, Idempotency-Key');
    },
  );
  test.each(['http://127.0.0.1:4000', SHOP, 'null', 'http://127.0.0.1:40011'])(
    'preflight from %s is refused without CORS headers',
    async (origin) => {
      const res = await h.api.request('/v1/tokens', { method: 'OPTIONS', headers: { Origin: origin } });
      expect(res.status).toBe(403);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    },
  );
  test('/v1/frames/status is readable by any origin and answers only a code and what to fix', async () => {
    const res = await h.api.request(`/v1/frames/status?pk=${pk}&origin=${encodeURIComponent('https://evil.example')}&v=1.0`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body: unknown = await res.json();
    expect(body).toEqual({
      code: 'origin_not_allowed',
      message: expect.stringMatching(
        /^https:\/\/evil\.example is not on the publishable key's allowed origins: create a key with --origin https:\/\/evil\.example/,
      ),
    });
    expect(isFrameStatusResponse(body)).toBe(true); // what the SDK's status probe accepts
  });
  test('without v (an SDK that predates message) the answer is only the code', async () => {
    const res = await h.api.request(`/v1/frames/status?pk=${pk}&origin=${encodeURIComponent('https://evil.example')}`);
    expect(await res.json()).toEqual({ code: 'origin_not_allowed' });
  });
  test('a raw origin is never echoed, only its canonical form', async () => {
    const res = await h.api.request(`/v1/frames/status?pk=${pk}&origin=${encodeURIComponent('<script>x</script>')}&v=1.0`);
    expect(((await res.json()) as { message: string }).message).toMatch(/^this page’s origin is not on/);
  });
  test.each([
    [() => pk, SHOP, 'ok'],
    [() => 'pk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', SHOP, 'unknown_key'],
    [() => pk, `${SHOP}/`, 'origin_not_allowed'],
    [() => pk, 'http://localhost:5174', 'origin_not_allowed'],
  ])('frames status %#', async (key, origin, code) => {
    const res = await h.api.request(`/v1/frames/status?pk=${key()}&origin=${encodeURIComponent(origin)}&v=1.0`);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    if (code === 'ok')
      expect(body.message).toMatch(
        /is framesUrl http:\/\/127\.0\.0\.1:\d+, and does the page's Content-Security-Policy allow frame-src http:\/\/127\.0\.0\.1:\d+\?$/,
      );
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const big = JSON.stringify({ jwe: 'a'.repeat(40_000) });
  test.each([
    ['malformed JSON', '{"jwe": ', {}, 400],
    ['an array', '[]', {}, 400],
    ['wrong content type', '{"jwe":"x"}', { 'Content-Type': 'text/plain' }, 415],
    ['form content type', 'jwe=x', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['an oversized body', big, {}, 413],
    ['an oversized body with a lying Content-Length', big, { 'Content-Length': '10' }, 413],
    ['an unknown field', '{"jwe":"x","amount":1}', {}, 400],
    ['a __proto__ payload', '{"jwe":"x","__proto__":{"polluted":true}}', {}, 400],
    ['a constructor payload', '{"constructor":{"prototype":{"polluted":true}}}', {}, 400],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), {}, 400],
    ['jwe not a string', '{"jwe":42}', {}, 400],
  ])('POST /v1/tokens with %s', async (_n, body, headers, status) => {
    const before = await h.vault.stores.keys.listKeys();
    const res = await post('/v1/tokens', body, headers);
    expect(res.status).toBe(status);
    const err = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('malformed_request');
    expect(err.message).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await h.vault.stores.keys.listKeys()).toEqual(before);
  });
  test.each([
    ['a path in the origin', `{"origin":"${SHOP}/checkout"}`, 400],
    ['a wildcard origin', '{"origin":"http://*.localhost:5173"}', 400],
    ['an origin not on the key', '{"origin":"http://localhost:5174"}', 403],
    ['an unknown field', `{"origin":"${SHOP}","sid":"x"}`, 400],
  ])('POST /v1/sessions with %s', async (_n, body, status) => {
    expect((await post('/v1/sessions', body)).status).toBe(status);
  });
});

test('sessions are rate-limited per IP and key with Retry-After', async () => {
  const h2 = await makeHarness({ TOKENFRAME_SESSION_RATE_PER_MINUTE: '2' });
  const k = (await h2.key('--account', 'a', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const open = () =>
    h2.api.request('/v1/sessions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${k}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ origin: SHOP }),
    });
  expect([(await open()).status, (await open()).status]).toEqual([201, 201]);
  const limited = await open();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  await h2.close();
});
