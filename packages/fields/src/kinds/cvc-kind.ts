import { normalizeDigits, validateCvc } from '@tokenframe/card';
import { isDigit } from '../reformat';
import type { InputKindSpec } from './input-kind-spec';

/** Until the brand is known, allow the longest CVC (4, American Express). */
const MAX_CVC = 4;

export const cvcKind: InputKindSpec = {
  kind: 'cvc',
  autocomplete: 'cc-csc',
  inputMode: 'numeric',
  numeric: true,
  isSignificant: isDigit,
  format: (raw, ctx) => normalizeDigits(raw).slice(0, ctx.brand?.cvcLength ?? MAX_CVC),
  evaluate(value, ctx) {
    const digits = normalizeDigits(value);
    const v = validateCvc(digits, ctx.brand);
    return {
      empty: digits === '',
      complete: v.isValid,
      invalid: !v.isPotentiallyValid,
      ...(v.isValid ? {} : { code: v.code ?? (v.isPotentiallyValid ? 'incomplete_cvc' : 'invalid_cvc') }),
    };
  },
};
