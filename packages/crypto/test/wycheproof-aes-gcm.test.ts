import { describe, expect, test } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../src/node/aes-256-gcm';
import { AES_GCM_FILE, aesGcmCases } from './vectors';

// The one AES-GCM helper used by openJwe (content) and at-rest (records and data keys).
const hex = (text: string) => Buffer.from(text, 'hex');
const all = aesGcmCases();
const ours = all.filter((c) => c.keySize === 256 && c.ivSize === 96 && c.tagSize === 128);
const others = all.filter((c) => !(c.keySize === 256 && c.ivSize === 96 && c.tagSize === 128));

describe(`${AES_GCM_FILE}: 256-bit key, 96-bit IV, 128-bit tag`, () => {
  test.each(ours.filter((c) => c.result === 'valid').map((c) => [c.tcId, c.comment, c] as const))(
    'tcId %i %s: decrypts, and encrypting gives the same ciphertext and tag',
    (_tcId, _comment, c) => {
      expect(aesGcmDecrypt(hex(c.key), hex(c.iv), hex(c.ct), hex(c.tag), hex(c.aad))?.toString('hex')).toBe(c.msg);
      const sealed = aesGcmEncrypt(hex(c.key), hex(c.iv), hex(c.msg), hex(c.aad));
      expect([sealed.ciphertext.toString('hex'), sealed.tag.toString('hex')]).toEqual([c.ct, c.tag]);
    },
  );

  test.each(ours.filter((c) => c.result !== 'valid').map((c) => [c.tcId, c.comment, c] as const))(
    'tcId %i %s: refused with the opaque failure',
    (_tcId, _comment, c) => {
      expect(aesGcmDecrypt(hex(c.key), hex(c.iv), hex(c.ct), hex(c.tag), hex(c.aad))).toBeUndefined();
    },
  );
});

describe(`${AES_GCM_FILE}: every other key/IV size is refused by the size checks`, () => {
  test.each(others.map((c) => [c.tcId, c.keySize, c.ivSize, c] as const))('tcId %i (key %i bits, IV %i bits)', (_tcId, _k, _iv, c) => {
    expect(aesGcmDecrypt(hex(c.key), hex(c.iv), hex(c.ct), hex(c.tag), hex(c.aad))).toBeUndefined();
    expect(() => aesGcmEncrypt(hex(c.key), hex(c.iv), hex(c.msg), hex(c.aad))).toThrow(RangeError);
  });

  test('a truncated tag is refused before node:crypto sees it', () => {
    const c = ours.find((v) => v.result === 'valid')!;
    expect(aesGcmDecrypt(hex(c.key), hex(c.iv), hex(c.ct), hex(c.tag).subarray(0, 12), hex(c.aad))).toBeUndefined();
  });
});
