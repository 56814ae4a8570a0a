import type { InputKindSpec } from './input-kind-spec';

const MAX_POSTAL = 10;
const POSTAL = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

/** Postal codes are alphanumeric in many countries (UK, Canada): a text input, loosely checked. */
export const postalKind: InputKindSpec = {
  kind: 'postal',
  autocomplete: 'postal-code',
  inputMode: 'text',
  numeric: false,
  isSignificant: () => true, // no separators are inserted: every character counts for the caret
  format: (raw) => raw.replace(/\p{Cc}/gu, '').slice(0, MAX_POSTAL),
  evaluate(value) {
    const v = value.trim();
    if (v === '') return { empty: true, complete: false, invalid: false, code: 'incomplete_postal' };
    if (!POSTAL.test(v)) return { empty: false, complete: false, invalid: true, code: 'invalid_postal' };
    if (v.replace(/[ -]/g, '').length < 3) return { empty: false, complete: false, invalid: false, code: 'incomplete_postal' };
    return { empty: false, complete: true, invalid: false };
  },
};
