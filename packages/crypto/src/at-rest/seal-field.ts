import { randomBytes } from 'node:crypto';
import { aesGcmEncrypt, IV_BYTES, KEY_BYTES } from '../node/aes-256-gcm';
import { MAX_RECORD_BYTES, serializeEnvelope } from './envelope';
import { recordAad, type FieldAad } from './field-aad';
import { assertKek, wrapDataKey, type Kek } from './kek';

/**
 * Envelope encryption of one field of one record: a fresh 256-bit data key per call seals the
 * plaintext (AAD = account, token, field), and the KEK wraps the data key. Misuse throws.
 */
export function sealField(kek: Kek, plaintext: string, aad: FieldAad): string {
  assertKek(kek);
  if (typeof plaintext !== 'string') throw new TypeError('sealField: plaintext must be a string.');
  const bytes = Buffer.from(plaintext, 'utf8');
  if (bytes.length > MAX_RECORD_BYTES) throw new RangeError(`sealField: at most ${MAX_RECORD_BYTES} bytes per field.`);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const iv = randomBytes(IV_BYTES);
    const { ciphertext, tag } = aesGcmEncrypt(dataKey, iv, bytes, recordAad(aad));
    return serializeEnvelope({ ...wrapDataKey(kek, dataKey), iv, ciphertext, tag });
  } finally {
    dataKey.fill(0);
  }
}
