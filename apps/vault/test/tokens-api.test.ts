import { randomUUID } from 'node:crypto';
import { generateEncryptionKey } from '@tokenframe/crypto/keys';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMES, makeHarness, SHOP, type Harness } from './harness';

let h: Harness;
let pk: string;
let pk2: string;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  pk2 = (await h.key('--account', 'other', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
});
afterAll(() => h.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; type: string; requestId: string } }).error;

describe('POST /v1/tokens', () => {
  test('a sealed test card becomes a token; brand, last4 and expiry come back, nothing more', async () => {
    const sid = await h.session(pk);
    const res = await h.tokenize(pk, await h.seal({ pk, sid }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['card', 'expiresAt', 'id', 'livemode']);
    expect(body.id).toMatch(/^tok_[A-Za-z0-9_-]{24}$/);
    expect(body.card).toEqual({ brand: 'visa', last4: '4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2 });
    expect(body.livemode).toBe(false);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(FRAMES);
  });

  test('same Idempotency-Key + same body → the stored response; a different body → 422; replay with a new key → 409', async () => {
    const sid = await h.session(pk);
    const jwe = await h.seal({ pk, sid });
    const idem = randomUUID();
    const first = await h.tokenize(pk, jwe, idem);
    const again = await h.tokenize(pk, jwe, idem);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await h.tokenize(pk, await h.seal({ pk, sid }), idem);
    expect([other.status, (await errorOf(other)).code]).toEqual([422, 'idempotency_conflict']);
    const replay = await h.tokenize(pk, jwe);
    expect([replay.status, (await errorOf(replay)).code]).toEqual([409, 'replayed_request']);
  });

  test('concurrent requests with one Idempotency-Key: one runs, the other gets 409 in flight', async () => {
    const sid = await h.session(pk);
    const jwe = await h.seal({ pk, sid });
    const idem = randomUUID();
    const [a, b] = await Promise.all([h.tokenize(pk, jwe, idem), h.tokenize(pk, jwe, idem)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  test.each([
    [
      'a JWE under a key this vault never published',
      'unknown_kid',
      400,
      async (sid: string) => h.seal({ pk, sid }, generateEncryptionKey(Date.now(), 'current').publicJwk),
    ],
    [
      'a JWE sealed to another key under one of our kids',
      'invalid_jwe',
      400,
      async (sid: string) => {
        const ours = h.vault.secrets.jwks().keys[0]!;
        return h.seal({ pk, sid }, { ...generateEncryptionKey(Date.now(), 'current').publicJwk, kid: ours.kid });
      },
    ],
    ['a corrupted JWE', 'invalid_jwe', 400, async (sid: string) => (await h.seal({ pk, sid })).replace(/\.(.)/, '.A$1')],
    ['not a JWE at all', 'invalid_jwe', 400, async () => 'hello'],
    ['a JWE minted for another publishable key', 'key_mismatch', 400, async (sid: string) => h.seal({ pk: pk2, sid })],
    ['a page origin not on the key', 'origin_not_allowed', 403, async (sid: string) => h.seal({ pk, sid, origin: 'https://evil.example' })],
    ['a JWE for another vault', 'audience_mismatch', 400, async (sid: string) => h.seal({ pk, sid, aud: 'https://vault.other.example' })],
    ['an unknown session', 'session_expired', 400, async () => h.seal({ pk, sid: 'ses_nope' })],
    ["another key's session", 'session_expired', 400, async () => h.seal({ pk, sid: await h.session(pk2) })],
    ['claims with an unknown field', 'malformed_request', 400, async (sid: string) => h.seal({ pk, sid, ...({ extra: 1 } as object) })],
    ['a non-test card with a test key', 'live_card_in_test_mode', 402, async (sid: string) => h.seal({ pk, sid, pan: '4000000000000002' })],
    ['an invalid card number', 'invalid_number', 402, async (sid: string) => h.seal({ pk, sid, pan: '4242424242424241' })],
    ['an expired card', 'expired_card', 402, async (sid: string) => h.seal({ pk, sid, expYear: 2020 })],
    ['the processing_error test card', 'processing_error', 402, async (sid: string) => h.seal({ pk, sid, pan: '4000000000000119' })],
  ])('%s → %s', async (_name, code, status, make) => {
    const sid = await h.session(pk);
    const before = await h.vault.stores.keys.listKeys();
    const res = await h.tokenize(pk, await make(sid));
    const err = await errorOf(res);
    expect([res.status, err.code]).toEqual([status, code]);
    expect(err.requestId).toBe(res.headers.get('X-Request-Id'));
    expect(await h.vault.stores.keys.listKeys()).toEqual(before);
  });

  test('the rate_limited test card → 429 with Retry-After, and is not stored under the Idempotency-Key', async () => {
    const sid = await h.session(pk);
    const jwe = await h.seal({ pk, sid, pan: '4000000000004954' });
    const res = await h.tokenize(pk, jwe, 'idem-rl');
    expect([res.status, (await errorOf(res)).code, res.headers.get('Retry-After')]).toEqual([429, 'rate_limited', '1']);
  });

  test('an expired session (by the vault clock) → session_expired; an exhausted one → session_exhausted', async () => {
    const sid = await h.session(pk);
    h.clock.now += 31 * 60_000;
    const late = await h.tokenize(pk, await h.seal({ pk, sid }));
    h.clock.now -= 31 * 60_000;
    expect((await errorOf(late)).code).toBe('session_expired');
    const sid2 = await h.session(pk);
    for (let i = 0; i < 5; i++) expect((await h.tokenize(pk, await h.seal({ pk, sid: sid2 }))).status).toBe(201);
    expect((await errorOf(await h.tokenize(pk, await h.seal({ pk, sid: sid2 })))).code).toBe('session_exhausted');
  });

  test.each([
    ['no key', { Authorization: '' }, 401, 'invalid_api_key'],
    ['a secret key', { Authorization: 'Bearer sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 401, 'invalid_api_key'],
    ['no Idempotency-Key', { 'Idempotency-Key': '' }, 400, 'malformed_request'],
    ['a page calling directly (wrong Origin)', { Origin: SHOP }, 403, 'origin_not_allowed'],
  ])('%s → %i %s', async (_n, headers, status, code) => {
    const res = await h.api.request('/v1/tokens', {
      method: 'POST',
      headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers },
      body: '{"jwe":"x"}',
    });
    expect([res.status, (await errorOf(res)).code]).toEqual([status, code]);
  });

  test('a revoked key is refused', async () => {
    const k = await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
    const sid = await h.session(k.key);
    expect((await h.cli('keys', 'revoke', '--key', k.id)).code).toBe(0);
    const res = await h.tokenize(k.key, await h.seal({ pk: k.key, sid }));
    expect([res.status, (await errorOf(res)).code]).toEqual([401, 'revoked_key']);
  });
});
