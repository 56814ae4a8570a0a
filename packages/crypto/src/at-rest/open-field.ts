import { AtRestError } from './at-rest-error';
import type { FieldAad } from './field-aad';
import type { KekLookup } from './kek';
import { openBytes } from './open-bytes';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `openBytes` for text: what `sealField` produced. Any failure, invalid UTF-8 included, throws
 * AtRestError. The decrypted bytes are cleared once decoded; the returned string cannot be.
 */
export function openField(kekFor: KekLookup, envelope: string, aad: FieldAad): string {
  const bytes = openBytes(kekFor, envelope, aad);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AtRestError();
  } finally {
    bytes.fill(0);
  }
}
