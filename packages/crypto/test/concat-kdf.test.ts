import { createPrivateKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { concatKdf as openConcatKdf } from '../src/open/concat-kdf';
import { deriveSharedSecret } from '../src/open/ecdh-shared-secret';
import { concatKdf as sealConcatKdf } from '../src/seal/concat-kdf';

// RFC 7518 Appendix C, "Example ECDH-ES Key Agreement Computation" (ECDH-ES with A128GCM,
// apu "Alice", apv "Bob"), kept as data.
const ALICE_EPHEMERAL = {
  kty: 'EC',
  crv: 'P-256',
  x: 'gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0',
  y: 'SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps',
};
const BOB = {
  kty: 'EC',
  crv: 'P-256',
  x: 'weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ',
  y: 'e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck',
  d: 'VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw',
};
const Z = Uint8Array.from([
  158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140,
  254, 144, 196,
]);
const DERIVED_KEY = 'VqqN6vgjbSBcIijNcacQGg';
const APU = new TextEncoder().encode('Alice');
const APV = new TextEncoder().encode('Bob');

describe('RFC 7518 Appendix C (ECDH-ES for A128GCM)', () => {
  test("open side: Bob derives the Z of Appendix C from Alice's epk", () => {
    const bob = createPrivateKey({ key: BOB, format: 'jwk' });
    const z = deriveSharedSecret(bob, Buffer.from(ALICE_EPHEMERAL.x, 'base64url'), Buffer.from(ALICE_EPHEMERAL.y, 'base64url'));
    expect(z && [...z]).toEqual([...Z]);
  });

  test('open side Concat KDF: Z → VqqN6vgjbSBcIijNcacQGg', () => {
    expect(openConcatKdf(Z, 'A128GCM', 128, APU, APV).toString('base64url')).toBe(DERIVED_KEY);
  });

  test('seal side Concat KDF (WebCrypto): Z → VqqN6vgjbSBcIijNcacQGg', async () => {
    expect(Buffer.from(await sealConcatKdf(Z, 'A128GCM', 128, APU, APV)).toString('base64url')).toBe(DERIVED_KEY);
  });

  test('both sides agree for the A256GCM profile Tokenframe uses (empty apu/apv, 256 bits)', async () => {
    const open = openConcatKdf(Z, 'A256GCM', 256);
    expect(open).toHaveLength(32);
    expect(Buffer.from(await sealConcatKdf(Z, 'A256GCM', 256)).equals(open)).toBe(true);
  });
});
