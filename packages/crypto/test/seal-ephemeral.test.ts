import { compactDecrypt } from 'jose';
import { describe, expect, test } from 'vitest';
import { openJwe } from '../src/open';
import { generateEphemeralKey, sealJwe } from '../src/seal';
import { CLAIMS, currentJwk, currentKey, headerOf, lookup, nextJwk } from './fixtures';

// An ephemeral key made ahead (while the frame is idle) must be used for exactly one JWE:
// ECDH-ES derives the content key from it and the vault key alone (RFC 7518 §4.6).
describe('sealJwe with a pre-generated ephemeral key', () => {
  test('the JWE carries exactly that key as epk and opens with openJwe and jose', async () => {
    const ephemeral = await generateEphemeralKey();
    const jwe = await sealJwe(CLAIMS, currentJwk, { ephemeral });
    expect(headerOf(jwe)['epk']).toEqual(ephemeral.publicJwk);
    expect(openJwe(jwe, lookup)).toEqual({ ok: true, kid: currentJwk.kid, claims: CLAIMS });
    const { plaintext } = await compactDecrypt(jwe, currentKey);
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(CLAIMS);
  });

  test.each([
    ['made for this vault key (content key derived ahead)', () => generateEphemeralKey(currentJwk), currentJwk.kid],
    ['made for another vault key (derived again at seal time)', () => generateEphemeralKey(nextJwk), currentJwk.kid],
    ['made for no key', () => generateEphemeralKey(), currentJwk.kid],
  ])('%s: sealed to the key passed to sealJwe, opens under its kid', async (_name, make, kid) => {
    const ephemeral = await make();
    const jwe = await sealJwe(CLAIMS, currentJwk, { ephemeral });
    expect(headerOf(jwe)).toEqual({ alg: 'ECDH-ES', enc: 'A256GCM', kid, epk: ephemeral.publicJwk });
    expect(openJwe(jwe, lookup)).toEqual({ ok: true, kid, claims: CLAIMS });
  });

  test('a key made ahead for a vault key is still single use', async () => {
    const ephemeral = await generateEphemeralKey(currentJwk);
    await sealJwe(CLAIMS, currentJwk, { ephemeral });
    await expect(sealJwe(CLAIMS, currentJwk, { ephemeral })).rejects.toThrow(/already used/);
  });

  test('is used once, then discarded: a second seal with it throws, a plain seal gets a fresh key', async () => {
    const ephemeral = await generateEphemeralKey();
    expect(ephemeral.used).toBe(false);
    const first = await sealJwe(CLAIMS, currentJwk, { ephemeral });
    expect(ephemeral.used).toBe(true);
    await expect(sealJwe(CLAIMS, currentJwk, { ephemeral })).rejects.toThrow(/already used/);
    const second = await sealJwe(CLAIMS, currentJwk);
    expect(headerOf(second)['epk']).not.toEqual(headerOf(first)['epk']);
  });

  test('two concurrent seals cannot share one key: exactly one succeeds', async () => {
    const ephemeral = await generateEphemeralKey();
    const results = await Promise.allSettled([sealJwe(CLAIMS, currentJwk, { ephemeral }), sealJwe(CLAIMS, currentJwk, { ephemeral })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  test('misuse caught before sealing leaves the key unused for the next, correct call', async () => {
    const ephemeral = await generateEphemeralKey();
    await expect(sealJwe(null as never, currentJwk, { ephemeral })).rejects.toThrow(TypeError);
    expect(ephemeral.used).toBe(false);
    expect(openJwe(await sealJwe(CLAIMS, currentJwk, { ephemeral }), lookup).ok).toBe(true);
  });

  test.each([
    ['a look-alike object', { take: () => ({}), used: false }],
    ['a raw CryptoKeyPair', { publicKey: {}, privateKey: {} }],
  ])('options.ephemeral must come from generateEphemeralKey, not %s', async (_name, fake) => {
    await expect(sealJwe(CLAIMS, currentJwk, { ephemeral: fake as never })).rejects.toThrow(/generateEphemeralKey/);
  });

  test('without options every JWE gets its own key (backwards compatible)', async () => {
    const [a, b] = await Promise.all([sealJwe(CLAIMS, currentJwk), sealJwe(CLAIMS, currentJwk, {})]);
    expect(headerOf(a)['epk']).not.toEqual(headerOf(b)['epk']);
    expect(openJwe(b, lookup).ok).toBe(true);
  });
});
