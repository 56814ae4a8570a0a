import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { openJwe } from '../src/open';
import { deriveSharedSecret } from '../src/open/ecdh-shared-secret';
import { sealJwe } from '../src/seal';
import { CLAIMS, currentJwk, headerOf, INVALID_JWE, lookup, withHeader } from './fixtures';
import { ECDH_FILE, ecdhCases } from './vectors';

const cases = ecdhCases();
const valid = cases.filter((c) => c.result === 'valid');
const invalid = cases.filter((c) => c.result === 'invalid');

test('the vector file has the cases its README promises (330 valid, 23 invalid)', () => {
  expect([valid.length, invalid.length, cases.length - valid.length - invalid.length]).toEqual([330, 23, 0]);
});

describe(`${ECDH_FILE}: valid cases derive the expected shared secret (the openJwe ECDH step)`, () => {
  test.each(valid.map((c) => [c.tcId, c.comment, c] as const))('tcId %i %s', (_tcId, _comment, c) => {
    const privateKey = createPrivateKey({ key: { ...c.private }, format: 'jwk' });
    const z = deriveSharedSecret(privateKey, Buffer.from(c.public.x, 'base64url'), Buffer.from(c.public.y, 'base64url'));
    expect(z?.toString('hex')).toBe(c.shared);
  });
});

describe(`${ECDH_FILE}: every invalid public key as epk gets exactly invalid_jwe`, () => {
  let sealed = '';
  beforeAll(async () => {
    sealed = await sealJwe(CLAIMS, currentJwk);
  });

  test.each(invalid.map((c) => [c.tcId, c.comment, c] as const))('tcId %i %s', (_tcId, _comment, c) => {
    const { kty, crv, x, y } = c.public;
    const jwe = withHeader(sealed, { ...headerOf(sealed), epk: { kty, crv, x, y } });
    expect(openJwe(jwe, lookup)).toStrictEqual(INVALID_JWE);
  });

  // The header policy rejects wrong curves by name; the points below claim P-256 and are the
  // ones the on-curve check itself must catch, so test that check directly too.
  test.each(invalid.filter((c) => c.public.crv === 'P-256').map((c) => [c.tcId, c] as const))(
    `${ECDH_FILE} tcId %i: the ECDH step itself refuses the point`,
    (_tcId, c) => {
      const privateKey = lookup(currentJwk.kid)!;
      expect(deriveSharedSecret(privateKey, Buffer.from(c.public.x, 'base64url'), Buffer.from(c.public.y, 'base64url'))).toBeUndefined();
    },
  );
});
