// Tokenize against an in-test vault that really opens the JWE (jose as the oracle) and speaks the
// vault's HTTP contract; the client and tokenizer under test are the real ones.
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { Tokenizer } from '../src/controller/tokenizer';
import { VaultClient } from '../src/controller/vault-client';

const API = 'http://127.0.0.1:4000';
const ORIGIN = 'http://localhost:5173';
const PK = 'pk_test_abc';
const CARD = { pan: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };
const SPLIT = ['cardNumber', 'cardExpiry', 'cardCvc'] as const;

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

async function vault(
  script: { tokens?: (call: Call, n: number) => Response | 'network'; sessionTtlMs?: number; serverSkewMs?: number } = {},
) {
  const keys = [await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true })];
  const calls: Call[] = [];
  const claims: Record<string, unknown>[] = [];
  let sessions = 0;
  let tokenCalls = 0;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const jwks = async () => ({ keys: [{ ...(await exportJWK(keys[0]!.publicKey)), kid: `kid-${keys.length}` }] });
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: { ...(init?.headers as Record<string, string>) },
      ...(init?.body ? { body: String(init.body) } : {}),
    };
    calls.push(call);
    if (call.path === '/v1/jwks') return json(200, await jwks());
    if (call.path === '/v1/sessions') {
      const now = Date.now() + (script.serverSkewMs ?? 0);
      return json(201, { sid: `sess_${++sessions}`, expiresAt: now + (script.sessionTtlMs ?? 600_000), serverTime: now });
    }
    const scripted = script.tokens?.(call, ++tokenCalls);
    if (scripted === 'network') throw new TypeError('Failed to fetch');
    if (scripted) return scripted;
    const jwe = JSON.parse(call.body!).jwe as string;
    const header = JSON.parse(atob(jwe.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as { kid: string };
    if (header.kid !== `kid-${keys.length}`) return vaultError(400, 'invalid_request_error', 'unknown_kid');
    const { plaintext } = await compactDecrypt(jwe, keys[0]!.privateKey);
    claims.push(JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>);
    return json(201, {
      id: 'tok_123',
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
      expiresAt: Date.now() + 60_000,
      livemode: false,
    });
  };
  const rotate = async () => keys.unshift(await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true }));
  const client = new VaultClient({ api: API, pk: PK, fetch: fetchFn, sleep: async () => undefined });
  const tokenizer = new Tokenizer({ client, pk: PK, origin: ORIGIN, api: API });
  return { tokenizer, calls, claims, rotate, tokens: () => calls.filter((c) => c.path === '/v1/tokens') };
}

const headerOf = (jwe: string) => JSON.parse(atob(jwe.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

const vaultError = (status: number, type: string, code: string, param?: string) =>
  new Response(JSON.stringify({ error: { type, code, message: `vault says ${code}`, ...(param && { param }), requestId: 'req_1' } }), {
    status,
  });

describe('Tokenizer', () => {
  test('seals the claims for the vault and replies only token + card summary', async () => {
    const v = await vault();
    const result = await v.tokenizer.tokenize(CARD, SPLIT);
    expect(result).toEqual({ token: 'tok_123', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } });
    const session = v.calls.find((c) => c.path === '/v1/sessions')!;
    expect(session.headers['Authorization']).toBe(`Bearer ${PK}`);
    expect(JSON.parse(session.body!)).toEqual({ origin: ORIGIN });
    const [token] = v.tokens();
    expect(token!.headers['Authorization']).toBe(`Bearer ${PK}`);
    expect(token!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(JSON.parse(token!.body!))).toEqual(['jwe']);
    expect(v.claims[0]).toMatchObject({ ...CARD, aud: API, pk: PK, sid: 'sess_1', origin: ORIGIN });
    expect(v.claims[0]!['jti']).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(Number(v.claims[0]!['iat']) - Date.now() / 1000)).toBeLessThan(5);
  });

  test('a network failure is retried with the same JWE and the same Idempotency-Key', async () => {
    const v = await vault({ tokens: (_c, n) => (n <= 2 ? 'network' : undefined!) });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toHaveProperty('token', 'tok_123');
    const t = v.tokens();
    expect(t).toHaveLength(3);
    expect(new Set(t.map((c) => c.body)).size).toBe(1);
    expect(new Set(t.map((c) => c.headers['Idempotency-Key'])).size).toBe(1);
  });

  test('gives up after two retries with a network_error', async () => {
    const v = await vault({ tokens: () => 'network' });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toEqual({
      error: expect.objectContaining({ type: 'network_error', code: 'network_error' }),
    });
    expect(v.tokens()).toHaveLength(3);
  });

  test('unknown_kid refetches the JWKS once and seals again under a new Idempotency-Key', async () => {
    const v = await vault();
    await v.tokenizer.tokenize(CARD, SPLIT); // caches the JWKS
    await v.rotate();
    const result = await v.tokenizer.tokenize(CARD, SPLIT);
    expect(result).toHaveProperty('token');
    expect(v.calls.filter((c) => c.path === '/v1/jwks')).toHaveLength(2);
    const keysUsed = v.tokens().map((c) => c.headers['Idempotency-Key']);
    expect(new Set(keysUsed).size).toBe(keysUsed.length);
  });

  test('start() and prepare() get the session and JWKS ahead; tokenize then only POSTs /v1/tokens', async () => {
    const v = await vault();
    v.tokenizer.start();
    v.tokenizer.prepare();
    await new Promise((r) => setTimeout(r, 20));
    const before = v.calls.map((c) => c.path).sort();
    expect(before).toEqual(['/v1/jwks', '/v1/sessions']);
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toHaveProperty('token');
    expect(v.calls.slice(before.length).map((c) => c.path)).toEqual(['/v1/tokens']);
  });

  test('every JWE has its own ephemeral key, made ahead or not (ECDH-ES must never reuse one)', async () => {
    const v = await vault();
    v.tokenizer.start();
    v.tokenizer.prepare();
    const results = [
      await v.tokenizer.tokenize(CARD, SPLIT),
      ...(await Promise.all([v.tokenizer.tokenize(CARD, SPLIT), v.tokenizer.tokenize(CARD, SPLIT)])),
    ];
    await v.tokenizer.tokenize(CARD, SPLIT);
    expect(results.every((r) => 'token' in r)).toBe(true);
    const epks = v.tokens().map((c) => JSON.stringify(headerOf(JSON.parse(c.body!).jwe as string)['epk']));
    expect(epks).toHaveLength(4);
    expect(new Set(epks).size).toBe(4);
  });

  test.each([
    ['session_expired', 400],
    ['session_exhausted', 400],
  ])('%s opens a new session and tries once more', async (code, status) => {
    const v = await vault({ tokens: (_c, n) => (n === 1 ? vaultError(status, 'invalid_request_error', code) : undefined!) });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toHaveProperty('token');
    expect(v.calls.filter((c) => c.path === '/v1/sessions')).toHaveLength(2);
    expect(v.claims[0]!['sid']).toBe('sess_2');
  });

  test('a session the vault clock says is over is renewed before sealing', async () => {
    const v = await vault({ sessionTtlMs: 60_000, serverSkewMs: 0 });
    const tokenizer = v.tokenizer;
    tokenizer.start();
    await tokenizer.tokenize(CARD, SPLIT);
    expect(v.calls.filter((c) => c.path === '/v1/sessions')).toHaveLength(1);
    const late = await vault({ sessionTtlMs: 3_000 }); // inside the renewal margin
    await late.tokenizer.tokenize(CARD, SPLIT);
    await late.tokenizer.tokenize(CARD, SPLIT);
    expect(late.calls.filter((c) => c.path === '/v1/sessions')).toHaveLength(2);
  });

  test.each([
    [402, 'card_error', 'processing_error'],
    [429, 'rate_limit_error', 'rate_limited'],
    [401, 'authentication_error', 'invalid_api_key'],
  ])('a %i %s/%s comes back as the error value', async (status, type, code) => {
    const v = await vault({ tokens: () => vaultError(status, type, code) });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toEqual({ error: { type, code, message: `vault says ${code}` } });
    expect(v.tokens()).toHaveLength(1);
  });

  test.each([
    ['live_card_in_test_mode', 'number', SPLIT, 'cardNumber'],
    ['live_card_in_test_mode', 'number', ['card'], 'card'],
    ['expired_card', 'exp', SPLIT, 'cardExpiry'],
    ['invalid_cvc', 'cvc', ['card', 'postalCode'], 'card'],
  ] as const)('a 402 %s on param %s, with %j mounted, names the field %s', async (code, param, mounted, field) => {
    const v = await vault({ tokens: () => vaultError(402, 'card_error', code, param) });
    expect(await v.tokenizer.tokenize(CARD, mounted)).toEqual({
      error: { type: 'card_error', code, message: `vault says ${code}`, field },
    });
  });

  test('a param that is no field (the session, the JWE) names none', async () => {
    const v = await vault({ tokens: () => vaultError(403, 'integration_error', 'origin_not_allowed', 'origin') });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toEqual({
      error: { type: 'integration_error', code: 'origin_not_allowed', message: 'vault says origin_not_allowed' },
    });
  });

  test('a malformed vault reply is an api_error, never passed through', async () => {
    const v = await vault({ tokens: () => new Response(JSON.stringify({ id: 'tok_1', pan: '4242424242424242' }), { status: 201 }) });
    expect(await v.tokenizer.tokenize(CARD, SPLIT)).toEqual({
      error: expect.objectContaining({ type: 'api_error', code: 'internal_error' }),
    });
  });
});
