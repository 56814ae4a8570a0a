import { CompactEncrypt, importJWK } from 'jose';
import type { KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { openJwe } from '../src/open';
import { sealJwe } from '../src/seal';
import { CLAIMS, currentJwk, currentKey, headerOf, INVALID_JWE, lookup, withHeader, withSegment } from './fixtures';

/**
 * openJwe must have one failure for everything but an unknown kid, and its policy must run
 * before any key lookup. The lookup below counts its calls: ECDH only ever happens after a
 * lookup returned a key, so "zero lookups" proves a JWE never reached ECDH.
 */
function countingLookup() {
  const counter = { calls: 0 };
  const resolve = (kid: string): KeyObject | undefined => {
    counter.calls++;
    return lookup(kid);
  };
  return { counter, resolve };
}

/** Gives every kid the current key, so a flipped kid still goes all the way to the tag check. */
const anyKid = () => currentKey;

let sealed = '';
beforeAll(async () => {
  sealed = await sealJwe(CLAIMS, currentJwk);
});

function flipEveryBit(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length * 8; i++) {
    const copy = Buffer.from(bytes);
    copy[i >> 3]! ^= 1 << (i & 7);
    out.push(copy);
  }
  return out;
}

describe('tampering: every single-bit change gives the identical invalid_jwe', () => {
  test.each([
    [0, 'protected header'],
    [2, 'IV'],
    [3, 'ciphertext'],
    [4, 'tag'],
  ])('segment %i (%s): each decoded bit flipped', (index) => {
    const segments = sealed.split('.');
    const results = new Set(
      flipEveryBit(Buffer.from(segments[index]!, 'base64url')).map((bytes) => {
        const tampered = withSegment(sealed, index, bytes.toString('base64url'));
        return JSON.stringify(openJwe(tampered, anyKid));
      }),
    );
    expect([...results]).toEqual([JSON.stringify(INVALID_JWE)]);
  });

  test.each([0, 1, 2, 3, 4])('segment %i: each character with each of its low 7 bits flipped', (index) => {
    const segments = sealed.split('.');
    const text = segments[index]!;
    const variants =
      text === ''
        ? ['A', 'AA', 'AAAA']
        : [...text].flatMap((char, at) =>
            [0, 1, 2, 3, 4, 5, 6].map(
              (bit) => text.slice(0, at) + String.fromCharCode(char.charCodeAt(0) ^ (1 << bit)) + text.slice(at + 1),
            ),
          );
    const results = new Set(variants.map((variant) => JSON.stringify(openJwe(withSegment(sealed, index, variant), anyKid))));
    expect([...results]).toEqual([JSON.stringify(INVALID_JWE)]);
  });

  test('the untampered JWE opens with the same lookup (the flips above are what broke it)', () => {
    expect(openJwe(sealed, anyKid)).toMatchObject({ ok: true, claims: CLAIMS });
  });
});

describe('policy: rejected before any key lookup (so before ECDH)', () => {
  const header = () => headerOf(sealed);
  test.each([
    ['alg RSA1_5', () => ({ ...header(), alg: 'RSA1_5' })],
    ['alg dir', () => ({ ...header(), alg: 'dir' })],
    ['alg PBES2-HS256+A128KW', () => ({ ...header(), alg: 'PBES2-HS256+A128KW' })],
    ['alg ECDH-ES+A128KW', () => ({ ...header(), alg: 'ECDH-ES+A128KW' })],
    ['alg none', () => ({ ...header(), alg: 'none' })],
    ['enc A128GCM', () => ({ ...header(), enc: 'A128GCM' })],
    ['enc A256CBC-HS512', () => ({ ...header(), enc: 'A256CBC-HS512' })],
    ['zip DEF', () => ({ ...header(), zip: 'DEF' })],
    ['crit', () => ({ ...header(), crit: ['exp'], exp: 1 })],
    ['jku', () => ({ ...header(), jku: 'https://attacker.example/jwks' })],
    ['missing epk', () => ({ alg: 'ECDH-ES', enc: 'A256GCM', kid: currentJwk.kid })],
    ['missing kid', () => ({ alg: 'ECDH-ES', enc: 'A256GCM', epk: header().epk })],
    ['empty kid', () => ({ ...header(), kid: '' })],
    ['numeric kid', () => ({ ...header(), kid: 7 })],
    ['epk with d', () => ({ ...header(), epk: { ...(header().epk as object), d: 'AAAA' } })],
    ['epk kty OKP', () => ({ ...header(), epk: { ...(header().epk as object), kty: 'OKP' } })],
    ['epk crv P-384', () => ({ ...header(), epk: { ...(header().epk as object), crv: 'P-384' } })],
    ['epk x padded', () => ({ ...header(), epk: { ...(header().epk as object), x: `${(header().epk as { x: string }).x}=` } })],
    ['header is an array', () => [header()]],
    ['header is a string', () => 'ECDH-ES'],
  ])('%s', (_name, makeHeader) => {
    const { counter, resolve } = countingLookup();
    expect(openJwe(withHeader(sealed, makeHeader()), resolve)).toStrictEqual(INVALID_JWE);
    expect(counter.calls).toBe(0);
  });

  test.each([
    ['4 segments', () => sealed.split('.').slice(0, 4).join('.')],
    ['6 segments', () => `${sealed}.`],
    ['encrypted key present', () => withSegment(sealed, 1, 'AAAA')],
    ['IV of 16 bytes', () => withSegment(sealed, 2, Buffer.alloc(16).toString('base64url'))],
    ['tag of 12 bytes', () => withSegment(sealed, 4, Buffer.alloc(12).toString('base64url'))],
    ['ciphertext over 16 kB', () => withSegment(sealed, 3, Buffer.alloc(16 * 1024 + 1).toString('base64url'))],
    ['header over 1 kB', () => withHeader(sealed, { ...headerOf(sealed), kid: 'k'.repeat(1100) })],
    ['header not base64url', () => withSegment(sealed, 0, 'e30+')],
    ['empty string', () => ''],
    ['1 MB of dots', () => '.'.repeat(1_000_000)],
  ])('%s', (_name, make) => {
    const { counter, resolve } = countingLookup();
    expect(openJwe(make(), resolve)).toStrictEqual(INVALID_JWE);
    expect(counter.calls).toBe(0);
  });

  test('a non-string input is invalid_jwe, not a throw', () => {
    expect(openJwe(42 as unknown as string, lookup)).toStrictEqual(INVALID_JWE);
  });
});

describe('kid', () => {
  test('an unknown kid is unknown_kid, decided from the header alone (no ECDH even with a bad epk)', () => {
    const { counter, resolve } = countingLookup();
    const h = headerOf(sealed);
    const jwe = withHeader(sealed, { ...h, kid: 'not-a-vault-key', epk: { ...(h.epk as object), x: 'A'.repeat(43) } });
    expect(openJwe(jwe, resolve)).toStrictEqual({ ok: false, code: 'unknown_kid' });
    expect(counter.calls).toBe(1);
  });

  test('a known kid with a header changed after sealing is invalid_jwe (the header is the AAD)', () => {
    expect(openJwe(withHeader(sealed, { ...headerOf(sealed) }), lookup)).toMatchObject({ ok: true });
    const reordered = headerOf(sealed);
    const { alg, ...rest } = reordered;
    expect(openJwe(withHeader(sealed, { ...rest, alg }), lookup)).toStrictEqual(INVALID_JWE);
  });

  test('a lookup that returns a non-P-256 key is a vault bug and throws', () => {
    expect(() => openJwe(sealed, () => ({ type: 'secret' }) as KeyObject)).toThrow(TypeError);
  });
});

describe('plaintext', () => {
  // Sealed by jose, so the test does not depend on what sealJwe lets through.
  const utf8 = (text: string) => new TextEncoder().encode(text);
  test.each([
    ['a JSON array', utf8('[1,2]')],
    ['a JSON string', utf8('"pan"')],
    ['null', utf8('null')],
    ['not JSON', utf8('pan=4242')],
    ['invalid UTF-8', Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d)],
  ])('claims that are %s are invalid_jwe', async (_name, bytes) => {
    const jwe = await new CompactEncrypt(bytes)
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: currentJwk.kid })
      .encrypt(await importJWK(currentJwk, 'ECDH-ES'));
    expect(openJwe(jwe, lookup)).toStrictEqual(INVALID_JWE);
  });

  test('sealJwe refuses non-object claims at once (misuse)', async () => {
    await expect(sealJwe(null as unknown as object, currentJwk)).rejects.toThrow(TypeError);
  });
});
