import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keyHint } from '../src/auth/api-key';
import { canonicalOrigin } from '../src/auth/canonical-origin';
import { makeHarness, SHOP, type Harness } from './harness';

describe('canonicalOrigin', () => {
  test.each([
    ['http://localhost:5173', 'http://localhost:5173'],
    ['https://shop.example.com', 'https://shop.example.com'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://shop.example.com/', undefined],
    ['https://shop.example.com/checkout', undefined],
    ['https://shop.example.com:443', undefined],
    ['HTTPS://Shop.example.com', undefined],
    ['https://*.example.com', undefined],
    ['*', undefined],
    ['null', undefined],
    ['https://user@shop.example.com', undefined],
    ['https://shop.example.com?x=1', undefined],
    ['javascript:alert(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['http://localhost:5173 ', undefined],
  ])('%s → %s', (input, expected) => {
    expect(canonicalOrigin(input)).toBe(expected);
  });
});

describe('keys through the CLI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(() => h.close());

  test('keys create prints {id, key, account, type, env, origins}; unknown accounts are created', async () => {
    const r = await h.cli('keys', 'create', '--account', 'fresh', '--type', 'publishable', '--env', 'test', '--origin', SHOP, '--json');
    const k = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(k)).toEqual(['id', 'key', 'account', 'type', 'env', 'origins']);
    expect(k).toMatchObject({ account: 'fresh', type: 'publishable', env: 'test', origins: [SHOP] });
    expect(k.key).toMatch(/^pk_test_[A-Za-z0-9_-]{32}$/);
    const list = JSON.parse((await h.cli('keys', 'list', '--json')).out) as Record<string, unknown>[];
    expect(JSON.stringify(list)).not.toContain(k.key as string);
    expect(list.find((x) => x.id === k.id)?.hint).toBe(`${(k.key as string).slice(0, 12)}…`);
  });

  // The random part is base64url: `_` in it must not move the cut (it once stored most of such keys).
  test.each(['pk_test_abcdEFGHijklMNOPqrstUVWXyz_01234', 'sk_live_ab_cdEFGHijklMNOPqrstUVWX_z01', 'sk_test____________________________'])(
    'keyHint(%s) shows the prefix and 4 characters',
    (key) => {
      expect(keyHint(key)).toBe(`${key.slice(0, 12)}…`);
    },
  );

  test.each([
    [['--type', 'publishable', '--env', 'test', '--origin', 'https://*.shop.example'], 'exact origin'],
    [['--type', 'publishable', '--env', 'test', '--origin', `${SHOP}/pay`], 'exact origin'],
    [['--type', 'publishable', '--env', 'test'], 'at least one --origin'],
    [['--type', 'secret', '--env', 'test', '--scope', 'tokens:everything'], 'Unknown scope'],
    [['--type', 'secret', '--env', 'test', '--origin', SHOP], 'no origins'],
    [['--type', 'publishable', '--env', 'live', '--origin', 'https://shop.example'], 'not verified'],
  ])('keys create %j is refused (%s)', async (args, message) => {
    const r = await h.cli('keys', 'create', '--account', 'acme', ...args, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
  });

  test('a live publishable key works only for origins the operator verified', async () => {
    expect((await h.cli('accounts', 'create', '--name', 'live-shop')).code).toBe(0);
    expect((await h.cli('origins', 'verify', '--account', 'live-shop', '--origin', 'https://shop.example', '--json')).code).toBe(0);
    const k = await h.key('--account', 'live-shop', '--type', 'publishable', '--env', 'live', '--origin', 'https://shop.example');
    expect(k.key).toMatch(/^pk_live_/);
    expect(await h.vault.keys.frameStatus(k.key, 'https://shop.example')).toBe('ok');
  });

  test('origins verify refuses an origin another account already verified, naming it, unless --force', async () => {
    for (const name of ['first-shop', 'second-shop']) expect((await h.cli('accounts', 'create', '--name', name)).code).toBe(0);
    expect((await h.cli('origins', 'verify', '--account', 'first-shop', '--origin', 'https://both.example')).code).toBe(0);
    expect((await h.cli('origins', 'verify', '--account', 'first-shop', '--origin', 'https://both.example')).code).toBe(0); // again: idempotent
    const refused = await h.cli('origins', 'verify', '--account', 'second-shop', '--origin', 'https://both.example');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already verified for account "first-shop"');
    expect(refused.err).toContain('--force');
    await expect(
      h.key('--account', 'second-shop', '--type', 'publishable', '--env', 'live', '--origin', 'https://both.example'),
    ).rejects.toThrow(/not verified/);
    const forced = await h.cli('origins', 'verify', '--account', 'second-shop', '--origin', 'https://both.example', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.out)).toMatchObject({
      account: 'second-shop',
      origin: 'https://both.example',
      verified: true,
      alsoVerifiedBy: ['first-shop'],
    });
  });

  test('roll: the old key keeps working during the overlap, then stops; revoke is immediate', async () => {
    const old = await h.key('--account', 'acme', '--type', 'secret', '--env', 'test');
    const rolled = JSON.parse((await h.cli('keys', 'roll', '--key', old.id, '--overlap-hours', '1', '--json')).out) as {
      key: string;
      replaces: string;
    };
    expect(rolled.replaces).toBe(old.id);
    expect((await h.vault.keys.authenticate(old.key, 'secret')).ok).toBe(true);
    expect((await h.vault.keys.authenticate(rolled.key, 'secret')).ok).toBe(true);
    h.clock.now = Date.now() + 2 * 3_600_000;
    expect(await h.vault.keys.authenticate(old.key, 'secret')).toEqual({ ok: false, code: 'revoked_key' });
    expect((await h.cli('keys', 'revoke', '--key', JSON.parse((await h.cli('keys', 'list', '--json')).out).at(-1).id)).code).toBe(0);
    expect(await h.vault.keys.authenticate(rolled.key, 'secret')).toEqual({ ok: false, code: 'revoked_key' });
    h.clock.now = Date.now();
  });

  test('jwks rotate publishes a new current key; the running vault still opens JWEs sealed to the old next key', async () => {
    const before = h.vault.secrets.jwks().keys.map((k) => k.kid);
    const r = JSON.parse((await h.cli('jwks', 'rotate', '--json')).out) as { keys: { kid: string }[] };
    expect(r.keys[0]!.kid).toBe(before[1]);
    await h.vault.secrets.reloadKeyring(Date.now());
    expect(h.vault.secrets.jwks().keys.map((k) => k.kid)).toEqual(r.keys.map((k) => k.kid));
    expect(h.vault.secrets.privateKeyFor(before[0]!)).toBeDefined(); // retiring, still opens
  });

  test('unknown commands and options print usage with exit code 2 or 1', async () => {
    expect((await h.cli('frobnicate', 'now')).code).toBe(1);
    expect((await h.cli('keys', 'create', '--bogus')).code).toBe(2);
  });
});
