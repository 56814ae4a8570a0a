/**
 * Additional authenticated data, encoded canonically as JSON arrays so no two different inputs
 * share an encoding (unlike plain concatenation: "ab"+"c" vs "a"+"bc").
 *   record AAD: binds the ciphertext to its account, token and field, so a row copied to
 *               another token or field fails to open;
 *   wrap AAD:   binds the wrapped data key to the id of the KEK that wrapped it.
 */
export interface FieldAad {
  account: string;
  token: string;
  field: string;
}

export function recordAad(aad: FieldAad): Buffer {
  const { account, token, field } = aad ?? {};
  if (typeof account !== 'string' || typeof token !== 'string' || typeof field !== 'string' || !account || !token || !field) {
    throw new TypeError('at-rest: aad must be {account, token, field}, three non-empty strings.');
  }
  return Buffer.from(JSON.stringify(['tokenframe.field.v1', account, token, field]), 'utf8');
}

export function wrapAad(kekId: string): Buffer {
  return Buffer.from(JSON.stringify(['tokenframe.kek.v1', kekId]), 'utf8');
}
