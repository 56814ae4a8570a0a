import { calculateJwkThumbprint } from 'jose';
import { describe, expect, test } from 'vitest';
import { createKeyring, generateEncryptionKey, jwksOf, privateKeyFor, pruneKeyring, rotateKeyring, type KeyringState } from '../src/keys';
import { openJwe } from '../src/open';
import { sealJwe } from '../src/seal';

const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const statuses = (state: KeyringState) => state.keys.map((key) => key.status);

describe('generateEncryptionKey', () => {
  test('kid is the RFC 7638 thumbprint of the public key (checked against jose)', async () => {
    const entry = generateEncryptionKey(T0);
    expect(entry.kid).toBe(await calculateJwkThumbprint(entry.publicJwk, 'sha256'));
    expect(entry.publicJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: entry.privateJwk.x,
      y: entry.privateJwk.y,
      kid: entry.kid,
      use: 'enc',
      alg: 'ECDH-ES',
    });
    expect(entry).toMatchObject({ status: 'next', createdAt: T0 });
  });

  test('two keys never share a kid', () => {
    expect(generateEncryptionKey(T0).kid).not.toBe(generateEncryptionKey(T0).kid);
  });
});

describe('keyring lifecycle', () => {
  const created = createKeyring(T0);
  const rotated = rotateKeyring(created, T0 + DAY);

  test('createKeyring: one current and one next, and the state survives JSON', () => {
    expect(statuses(created)).toEqual(['current', 'next']);
    expect(JSON.parse(JSON.stringify(created))).toEqual(created);
  });

  test('rotateKeyring: next → current, current → retiring with retiredAt, a new next; input untouched', () => {
    const [oldCurrent, oldNext] = created.keys;
    expect(rotated.keys.map((key) => [key.kid, key.status])).toEqual([
      [oldCurrent!.kid, 'retiring'],
      [oldNext!.kid, 'current'],
      [rotated.keys[2]!.kid, 'next'],
    ]);
    expect(rotated.keys[0]!.retiredAt).toBe(T0 + DAY);
    expect(statuses(created)).toEqual(['current', 'next']);
  });

  test('jwksOf publishes current and next only, without private members', () => {
    const jwks = jwksOf(rotated);
    expect(jwks.keys.map((key) => key.kid)).toEqual([rotated.keys[1]!.kid, rotated.keys[2]!.kid]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  test.each([
    ['retiring', 0],
    ['current', 1],
    ['next', 2],
  ])('privateKeyFor opens a JWE sealed to the %s key', async (_status, index) => {
    const entry = rotated.keys[index]!;
    const jwe = await sealJwe({ hello: 'vault' }, entry.publicJwk);
    expect(openJwe(jwe, privateKeyFor(rotated))).toEqual({ ok: true, kid: entry.kid, claims: { hello: 'vault' } });
  });

  test.each([
    ['inside the grace period keeps the retiring key', DAY - 1, ['retiring', 'current', 'next']],
    ['at the end of the grace period destroys it', DAY, ['current', 'next']],
  ])('pruneKeyring %s', (_name, elapsed, expected) => {
    expect(statuses(pruneKeyring(rotated, T0 + DAY + elapsed, DAY))).toEqual(expected);
  });

  test('after pruning, a JWE for the destroyed key is unknown_kid', async () => {
    const jwe = await sealJwe({ a: 1 }, created.keys[0]!.publicJwk);
    const pruned = pruneKeyring(rotated, T0 + 3 * DAY, DAY);
    expect(openJwe(jwe, privateKeyFor(pruned))).toEqual({ ok: false, code: 'unknown_kid' });
  });

  test('rotating a keyring without a next key is misuse and throws', () => {
    expect(() => rotateKeyring({ version: 1, keys: [] }, T0)).toThrow(/createKeyring/);
  });
});
