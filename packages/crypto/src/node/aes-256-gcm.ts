import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * The one AES-256-GCM implementation of the vault side, shared by `open` (JWE content) and
 * `at-rest` (records and wrapped data keys). Lengths are checked before node:crypto sees the
 * inputs: GCM accepts other IV and tag sizes, and a short tag is a forgery shortcut.
 */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface AesGcmSealed {
  ciphertext: Buffer;
  tag: Buffer;
}

/** Encrypts; throws on wrong key or IV length (a programming error, never input-driven). */
export function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): AesGcmSealed {
  if (key.byteLength !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key, got ${key.byteLength}.`);
  if (iv.byteLength !== IV_BYTES) throw new RangeError(`AES-256-GCM needs a ${IV_BYTES}-byte IV, got ${iv.byteLength}.`);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; `undefined` for every failure (wrong sizes included), never a reason. */
export function aesGcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad: Uint8Array,
): Buffer | undefined {
  if (key.byteLength !== KEY_BYTES || iv.byteLength !== IV_BYTES || tag.byteLength !== TAG_BYTES) return undefined;
  let plaintext: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    // No Buffer.concat: it would leave an uncleared copy of the plaintext. GCM's final() returns
    // nothing and only checks the tag; if it fails, the unauthenticated plaintext is cleared.
    plaintext = decipher.update(ciphertext);
    decipher.final();
    return plaintext;
  } catch {
    plaintext?.fill(0);
    return undefined;
  }
}
