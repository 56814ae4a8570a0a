import { AtRestError } from './at-rest-error';
import { parseEnvelope, serializeEnvelope } from './envelope';
import { assertKek, unwrapDataKey, wrapDataKey, type Kek, type KekLookup } from './kek';

/**
 * KEK rotation for one envelope: unwraps the data key with its old KEK and wraps it with the new
 * one. The record ciphertext is untouched (and never decrypted), so no record AAD is needed.
 * Any failure to unwrap throws AtRestError.
 */
export function rewrapField(envelope: string, kekFor: KekLookup, newKek: Kek): string {
  assertKek(newKek);
  const parsed = parseEnvelope(envelope);
  const dataKey = parsed && unwrapDataKey(kekFor, parsed);
  if (!parsed || !dataKey) throw new AtRestError();
  try {
    return serializeEnvelope({ ...parsed, ...wrapDataKey(newKek, dataKey) });
  } finally {
    dataKey.fill(0);
  }
}
