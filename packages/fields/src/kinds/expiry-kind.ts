import { formatExpiry, validateExpiry } from '@tokenframe/card';
import { isDigit } from '../reformat';
import type { InputKindSpec } from './input-kind-spec';

export const expiryKind: InputKindSpec = {
  kind: 'expiry',
  autocomplete: 'cc-exp',
  inputMode: 'numeric',
  numeric: true,
  isSignificant: isDigit,
  format: (raw) => formatExpiry(raw),
  evaluate(value) {
    const v = validateExpiry(value);
    return {
      empty: value.trim() === '',
      complete: v.isValid,
      invalid: !v.isPotentiallyValid,
      ...(v.isValid ? {} : { code: v.code ?? (v.isPotentiallyValid ? 'incomplete_expiry' : 'invalid_expiry') }),
    };
  },
};
