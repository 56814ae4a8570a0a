import { randomInt } from 'node:crypto';
import { isLuhnValid } from '@tokenframe/card';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { purgeExpired } from '../src/stores/purge-expired';
import { makeHarness, secretHeaders, SHOP, type Harness } from './harness';
import { freshPgSchema } from './support/services';

let h: Harness;
let pk: string;
let token: string;
let skAll: string;
let skRead: string;
let skOther: string;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  skAll = (
    await h.key(
      '--account',
      'shop',
      '--type',
      'secret',
      '--env',
      'test',
      '--scope',
      'tokens:read',
      '--scope',
      'tokens:reveal',
      '--scope',
      'tokens:persist',
      '--scope',
      'tokens:delete',
    )
  ).key;
  skRead = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read')).key;
  skOther = (
    await h.key(
      '--account',
      'other',
      '--type',
      'secret',
      '--env',
      'test',
      '--scope',
      'tokens:read',
      '--scope',
      'tokens:reveal',
      '--scope',
      'tokens:delete',
    )
  ).key;
  const sid = await h.session(pk);
  const res = await h.tokenize(pk, await h.seal({ pk, sid, pan: '5555555555554444', cvc: '987', name: 'Ada Lovelace', postal: 'N1 9GU' }));
  token = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

const call = (method: string, path: string, sk: string, extra: Record<string, string> = {}, body?: string) =>
  h.api.request(path, { method, headers: { ...secretHeaders(sk), ...extra }, ...(body === undefined ? {} : { body }) });
const withoutRequestId = async (res: Response) => (await res.text()).replace(/req_[A-Za-z0-9_-]+/, 'req_');

describe('secret-key token operations', () => {
  test('read shows BIN, last4 and the fingerprint, never the number', async () => {
    const res = await call('GET', `/v1/tokens/${token}`, skRead);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { card: Record<string, unknown>; cvcPresent: boolean };
    expect(body.card).toMatchObject({ brand: 'mastercard', bin: '55555555', last4: '4444', expMonth: 12 });
    expect(body.card.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.cvcPresent).toBe(true);
    expect(JSON.stringify(body)).not.toContain('5555555555554444');
  });

  test("another account's token answers byte-for-byte like an unknown one", async () => {
    const theirs = await call('GET', `/v1/tokens/${token}`, skOther);
    const unknown = await call('GET', '/v1/tokens/tok_doesnotexistatall00000', skOther);
    expect(theirs.status).toBe(404);
    expect(await withoutRequestId(theirs)).toBe(await withoutRequestId(unknown));
    const reveal = await call('POST', `/v1/tokens/${token}/reveal`, skOther);
    expect(reveal.status).toBe(404);
    const del = await call('DELETE', `/v1/tokens/${token}`, skOther);
    expect(del.status).toBe(404);
  });

  test.each([
    ['a secret key from a browser (Origin header)', skAllF, { Origin: SHOP }, 403, 'secret_key_in_browser'],
    ['a key without tokens:reveal', () => skRead, {}, 403, 'insufficient_scope'],
    ['a publishable key', () => pk, {}, 401, 'invalid_api_key'],
    ['a made-up secret key', () => 'sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {}, 401, 'invalid_api_key'],
  ])('reveal with %s → %i %s, and the CVC stays', async (_n, sk, headers, status, code) => {
    const res = await call('POST', `/v1/tokens/${token}/reveal`, sk(), headers);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect((await h.vault.stores.tokens.find(token))?.cvcEnc).not.toBeNull();
  });

  test('a body on reveal must be empty or {}: unknown fields are refused', async () => {
    const res = await call('POST', `/v1/tokens/${token}/reveal`, skAll, { 'Content-Type': 'application/json' }, '{"__proto__":{"x":1}}');
    expect(res.status).toBe(400);
    expect((await h.vault.stores.tokens.find(token))?.cvcEnc).not.toBeNull();
  });

  test('reveal returns the card once with its CVC, audited; the CVC is then gone', async () => {
    const res = await call('POST', `/v1/tokens/${token}/reveal`, skAll);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({
      id: token,
      card: {
        number: '5555555555554444',
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 2,
        cvc: '987',
        name: 'Ada Lovelace',
        postal: 'N1 9GU',
      },
    });
    expect((await h.vault.stores.tokens.find(token))?.cvcEnc).toBeNull();
    const again = (await (await call('POST', `/v1/tokens/${token}/reveal`, skAll)).json()) as { card: Record<string, unknown> };
    expect(again.card.cvc).toBeUndefined();
    expect(((await (await call('GET', `/v1/tokens/${token}`, skRead)).json()) as { cvcPresent: boolean }).cvcPresent).toBe(false);
  });

  test('persist makes the token outlive its browser TTL; delete removes it', async () => {
    const p = await call('POST', `/v1/tokens/${token}/persist`, skAll);
    expect(p.status).toBe(200);
    expect(((await p.json()) as { expiresAt: unknown }).expiresAt).toBeNull();
    h.clock.now += 2 * 3_600_000;
    await purgeExpired(h.vault.stores, h.clock.now);
    expect((await call('GET', `/v1/tokens/${token}`, skRead)).status).toBe(200);
    h.clock.now -= 2 * 3_600_000;
    const d = await call('DELETE', `/v1/tokens/${token}`, skAll);
    expect(await d.json()).toEqual({ id: token, deleted: true });
    expect((await call('GET', `/v1/tokens/${token}`, skRead)).status).toBe(404);
  });

  test('an IP allowlist refuses other addresses', async () => {
    const sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--ip', '10.1.2.3')).key;
    const from = (ip: string) =>
      h.api.request(`/v1/tokens/${token}`, { headers: secretHeaders(sk) }, { incoming: { socket: { remoteAddress: ip } } });
    expect((await from('10.9.9.9')).status).toBe(403);
    expect((await from('::ffff:10.1.2.3')).status).toBe(404);
  });

  test('unused browser tokens and CVCs past their TTL are purged by the sweep', async () => {
    const sid = await h.session(pk);
    const id = ((await (await h.tokenize(pk, await h.seal({ pk, sid }))).json()) as { id: string }).id;
    const counts = await purgeExpired(h.vault.stores, h.clock.now + 11 * 60_000);
    expect(counts.cvcs).toBeGreaterThanOrEqual(1);
    expect((await h.vault.stores.tokens.find(id))?.cvcEnc).toBeNull();
    await purgeExpired(h.vault.stores, h.clock.now + 31 * 60_000);
    expect(await h.vault.stores.tokens.find(id)).toBeUndefined();
  });
});

/** A Luhn-valid number that is no documented test card, as a live key requires. */
function livePan(): string {
  for (;;) {
    const body = `4${Array.from({ length: 14 }, () => randomInt(10)).join('')}`;
    for (let d = 0; d < 10; d++) if (isLuhnValid(body + d)) return body + d;
  }
}

describe.each([
  ['SQLite', async () => ({ env: {}, drop: async () => undefined })],
  ['PostgreSQL', async () => freshPgSchema()],
])('GET /v1/events keeps test and live apart (%s)', (_store, backing) => {
  const LIVE_SHOP = 'https://shop.example';
  let m: Harness;
  let drop: () => Promise<void>;
  const tokens: Record<'test' | 'live', string> = { test: '', live: '' };
  const readers: Record<'test' | 'live', string> = { test: '', live: '' };
  beforeAll(async () => {
    const b = await backing();
    drop = b.drop;
    m = await makeHarness(b.env);
    await m.cli('accounts', 'create', '--name', 'modes');
    await m.cli('origins', 'verify', '--account', 'modes', '--origin', LIVE_SHOP, '--json');
    for (const env of ['test', 'live'] as const) {
      const origin = env === 'live' ? LIVE_SHOP : SHOP;
      const pkE = (await m.key('--account', 'modes', '--type', 'publishable', '--env', env, '--origin', origin)).key;
      const sk = (await m.key('--account', 'modes', '--type', 'secret', '--env', env, '--scope', 'tokens:delete', '--scope', 'events:read'))
        .key;
      const sid = await m.session(pkE, origin);
      const res = await m.tokenize(pkE, await m.seal({ pk: pkE, sid, origin, ...(env === 'live' ? { pan: livePan() } : {}) }));
      if (res.status !== 201) throw new Error(`${env} tokenize: ${res.status} ${await res.text()}`);
      tokens[env] = ((await res.json()) as { id: string }).id;
      const del = await m.api.request(`/v1/tokens/${tokens[env]}`, { method: 'DELETE', headers: secretHeaders(sk) });
      expect(del.status).toBe(200);
      readers[env] = sk;
    }
  });
  afterAll(async () => {
    await m.close();
    await drop();
  });

  test.each([
    ['a test key', 'test', 'live'],
    ['a live key', 'live', 'test'],
  ] as const)("%s lists only its own mode's token.deleted events", async (_n, mine, other) => {
    const res = await m.api.request('/v1/events', { headers: secretHeaders(readers[mine]) });
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as { data: { type: string; data: { tokenId?: string } }[] }).data.map(
      (e) => `${e.type} ${e.data.tokenId ?? ''}`,
    );
    expect(ids).toContain(`token.deleted ${tokens[mine]}`);
    expect(ids.join()).not.toContain(tokens[other]);
  });
});

describe('Cache-Control: no-store on every secret-key answer', () => {
  let fresh: string;
  let skEvents: string;
  beforeAll(async () => {
    const sid = await h.session(pk);
    fresh = ((await (await h.tokenize(pk, await h.seal({ pk, sid, pan: '4000056655665556' }))).json()) as { id: string }).id;
    skEvents = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'events:read')).key;
  });
  test.each([
    ['read', 'GET', () => `/v1/tokens/${fresh}`, () => skRead, 200],
    ['read of an unknown token', 'GET', () => '/v1/tokens/tok_doesnotexistatall00000', () => skRead, 404],
    ['a made-up key', 'GET', () => `/v1/tokens/${fresh}`, () => 'sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 401],
    ['a key without the scope', 'GET', () => '/v1/events', () => skRead, 403],
    ['persist', 'POST', () => `/v1/tokens/${fresh}/persist`, () => skAll, 200],
    ['reveal', 'POST', () => `/v1/tokens/${fresh}/reveal`, () => skAll, 200],
    ['events', 'GET', () => '/v1/events', () => skEvents, 200],
    ['delete', 'DELETE', () => `/v1/tokens/${fresh}`, () => skAll, 200],
  ])('%s', async (_n, method, path, sk, status) => {
    const res = await call(method, path(), sk());
    expect(res.status).toBe(status);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});

function skAllF(): string {
  return skAll;
}
