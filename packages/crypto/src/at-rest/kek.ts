import { randomBytes } from 'node:crypto';
import { aesGcmDecrypt, aesGcmEncrypt, IV_BYTES, KEY_BYTES } from '../node/aes-256-gcm';
import { KEK_ID_PATTERN } from './envelope';
import { wrapAad } from './field-aad';

/** A key-encryption key: 32 random bytes plus the id stored in every envelope it wraps. */
export interface Kek {
  id: string;
  key: Buffer;
}

export type KekLookup = (id: string) => Buffer | undefined;

export function generateKek(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function assertKek(kek: Kek): void {
  if (typeof kek?.id !== 'string' || !KEK_ID_PATTERN.test(kek.id)) {
    throw new TypeError('at-rest: kek.id must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-".');
  }
  if (!Buffer.isBuffer(kek.key) || kek.key.length !== KEY_BYTES) {
    throw new TypeError(`at-rest: kek.key must be a ${KEY_BYTES}-byte Buffer (see generateKek()).`);
  }
}

export function wrapDataKey(kek: Kek, dataKey: Buffer) {
  const wrapIv = randomBytes(IV_BYTES);
  const { ciphertext: wrappedKey, tag: wrapTag } = aesGcmEncrypt(kek.key, wrapIv, dataKey, wrapAad(kek.id));
  return { kekId: kek.id, wrapIv, wrappedKey, wrapTag };
}

export function unwrapDataKey(
  kekFor: KekLookup,
  wrapped: { kekId: string; wrapIv: Buffer; wrappedKey: Buffer; wrapTag: Buffer },
): Buffer | undefined {
  const kek = kekFor(wrapped.kekId);
  if (!Buffer.isBuffer(kek)) return undefined;
  return aesGcmDecrypt(kek, wrapped.wrapIv, wrapped.wrappedKey, wrapped.wrapTag, wrapAad(wrapped.kekId));
}
