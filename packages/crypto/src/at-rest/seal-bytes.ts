import { randomBytes } from 'node:crypto';
import { aesGcmEncrypt, IV_BYTES, KEY_BYTES } from '../node/aes-256-gcm';
import { MAX_RECORD_BYTES, serializeEnvelope } from './envelope';
import { recordAad, type FieldAad } from './field-aad';
import { assertKek, wrapDataKey, type Kek } from './kek';

/**
 * Envelope encryption of one field of one record: a fresh 256-bit data key per call seals the
 * plaintext (AAD = account, token, field), and the KEK wraps the data key. Misuse throws.
 *
 * Bytes in, so a secret that must never become a JS string (a key: strings cannot be cleared)
 * can be sealed. The caller owns `plaintext` and clears it; nothing here keeps a reference.
 */
export function sealBytes(kek: Kek, plaintext: Uint8Array, aad: FieldAad): string {
  assertKek(kek);
  if (!(plaintext instanceof Uint8Array)) throw new TypeError('sealBytes: plaintext must be a Uint8Array (a Buffer).');
  if (plaintext.byteLength > MAX_RECORD_BYTES) throw new RangeError(`sealBytes: at most ${MAX_RECORD_BYTES} bytes per field.`);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const iv = randomBytes(IV_BYTES);
    const { ciphertext, tag } = aesGcmEncrypt(dataKey, iv, plaintext, recordAad(aad));
    return serializeEnvelope({ ...wrapDataKey(kek, dataKey), iv, ciphertext, tag });
  } finally {
    dataKey.fill(0);
  }
}
