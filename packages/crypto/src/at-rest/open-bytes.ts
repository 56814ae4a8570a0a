import { aesGcmDecrypt } from '../node/aes-256-gcm';
import { AtRestError } from './at-rest-error';
import { parseEnvelope } from './envelope';
import { recordAad, type FieldAad } from './field-aad';
import { unwrapDataKey, type KekLookup } from './kek';

/**
 * Opens what `sealBytes` (or `sealField`) produced for the same {account, token, field}; any
 * failure throws AtRestError. Returns a fresh Buffer that nothing else references: the caller
 * clears it when done (a key opened here never exists as a JS string).
 */
export function openBytes(kekFor: KekLookup, envelope: string, aad: FieldAad): Buffer {
  const aadBytes = recordAad(aad);
  const parsed = parseEnvelope(envelope);
  const dataKey = parsed && unwrapDataKey(kekFor, parsed);
  if (!parsed || !dataKey) throw new AtRestError();
  try {
    const plaintext = aesGcmDecrypt(dataKey, parsed.iv, parsed.ciphertext, parsed.tag, aadBytes);
    if (!plaintext) throw new AtRestError();
    return plaintext;
  } finally {
    dataKey.fill(0);
  }
}
