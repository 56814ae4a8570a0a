import { Crypto } from '@peculiar/webcrypto';
import { afterEach, expect, test, vi } from 'vitest';
import { openJwe } from '../src/open';
import { sealJwe } from '../src/seal';
import { CLAIMS, currentJwk, lookup } from './fixtures';

// A second, independent WebCrypto implementation under the seal: it must not lean on anything
// Node's WebCrypto does beyond the standard (e.g. exporting a public key of a non-extractable pair).
afterEach(() => {
  vi.unstubAllGlobals();
});

test('sealJwe on @peculiar/webcrypto opens with openJwe', async () => {
  vi.stubGlobal('crypto', new Crypto());
  const jwe = await sealJwe(CLAIMS, currentJwk);
  vi.unstubAllGlobals();
  expect(openJwe(jwe, lookup)).toEqual({ ok: true, kid: currentJwk.kid, claims: CLAIMS });
});
