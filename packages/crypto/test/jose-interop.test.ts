import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';
import { createPublicKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { openJwe } from '../src/open';
import { sealJwe } from '../src/seal';
import { CLAIMS, currentJwk, currentKey, headerOf, lookup, nextJwk } from './fixtures';

// jose is the test-only oracle: an independent JWE implementation in both directions.
const policy = { keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A256GCM'] };

describe('sealJwe → jose compactDecrypt', () => {
  test.each([
    ['current key', currentJwk],
    ['next key', nextJwk],
  ])('jose opens what sealJwe made for the %s', async (_name, jwk) => {
    const jwe = await sealJwe(CLAIMS, jwk);
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, lookup(jwk.kid)!, policy);
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(CLAIMS);
    expect(protectedHeader).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', kid: jwk.kid, epk: { kty: 'EC', crv: 'P-256' } });
  });

  test('the protected header has exactly alg, enc, kid, epk and the encrypted key is empty', async () => {
    const jwe = await sealJwe(CLAIMS, currentJwk);
    expect(Object.keys(headerOf(jwe)).sort()).toEqual(['alg', 'enc', 'epk', 'kid']);
    expect(Object.keys(headerOf(jwe).epk as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(jwe.split('.')[1]).toBe('');
    expect(Buffer.from(jwe.split('.')[2]!, 'base64url')).toHaveLength(12);
  });

  test('two seals of the same claims differ (fresh epk and IV each time)', async () => {
    const [a, b] = await Promise.all([sealJwe(CLAIMS, currentJwk), sealJwe(CLAIMS, currentJwk)]);
    expect(a).not.toBe(b);
    expect(headerOf(a).epk).not.toEqual(headerOf(b).epk);
  });

  test.each([
    ['no kid', { ...currentJwk, kid: '' }],
    ['RSA key', { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k' }],
    ['P-384 key', { ...currentJwk, crv: 'P-384' }],
  ])('sealJwe throws at once for misuse: %s', async (_name, jwk) => {
    await expect(sealJwe(CLAIMS, jwk as never)).rejects.toThrow(TypeError);
  });
});

describe('jose CompactEncrypt → openJwe', () => {
  test.each([
    ['current key', currentJwk],
    ['next key', nextJwk],
  ])('openJwe opens what jose made for the %s', async (_name, jwk) => {
    const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(CLAIMS)))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: jwk.kid })
      .encrypt(await importJWK(jwk, 'ECDH-ES'));
    expect(openJwe(jwe, lookup)).toEqual({ ok: true, kid: jwk.kid, claims: CLAIMS });
  });

  test('openJwe opens what sealJwe made', async () => {
    expect(openJwe(await sealJwe(CLAIMS, currentJwk), lookup)).toEqual({ ok: true, kid: currentJwk.kid, claims: CLAIMS });
  });

  test('a jose JWE with apu/apv (members our policy does not allow) is invalid_jwe', async () => {
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: currentJwk.kid })
      .setKeyManagementParameters({ apu: new TextEncoder().encode('Alice'), apv: new TextEncoder().encode('Bob') })
      .encrypt(createPublicKey(currentKey));
    expect(openJwe(jwe, lookup)).toEqual({ ok: false, code: 'invalid_jwe' });
  });
});
