import { MAX_RECORD_BYTES } from './envelope';
import type { FieldAad } from './field-aad';
import type { Kek } from './kek';
import { sealBytes } from './seal-bytes';

/** `sealBytes` for text (UTF-8). The string itself cannot be cleared; its UTF-8 copy is, after sealing. */
export function sealField(kek: Kek, plaintext: string, aad: FieldAad): string {
  if (typeof plaintext !== 'string') throw new TypeError('sealField: plaintext must be a string.');
  const bytes = Buffer.from(plaintext, 'utf8');
  try {
    if (bytes.length > MAX_RECORD_BYTES) throw new RangeError(`sealField: at most ${MAX_RECORD_BYTES} bytes per field.`);
    return sealBytes(kek, bytes, aad);
  } finally {
    bytes.fill(0);
  }
}
