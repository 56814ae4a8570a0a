import { aesGcmDecrypt } from '../node/aes-256-gcm';
import { AtRestError } from './at-rest-error';
import { parseEnvelope } from './envelope';
import { recordAad, type FieldAad } from './field-aad';
import { unwrapDataKey, type KekLookup } from './kek';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer | undefined): string | undefined {
  try {
    return bytes && utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Opens what `sealField` produced for the same {account, token, field}; any failure throws AtRestError. */
export function openField(kekFor: KekLookup, envelope: string, aad: FieldAad): string {
  const aadBytes = recordAad(aad);
  const parsed = parseEnvelope(envelope);
  const dataKey = parsed && unwrapDataKey(kekFor, parsed);
  if (!parsed || !dataKey) throw new AtRestError();
  const plaintext = decodeUtf8(aesGcmDecrypt(dataKey, parsed.iv, parsed.ciphertext, parsed.tag, aadBytes));
  dataKey.fill(0);
  if (plaintext === undefined) throw new AtRestError();
  return plaintext;
}
