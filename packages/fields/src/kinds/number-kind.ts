import { detectBrands, formatNumber, normalizeDigits, validateNumber } from '@tokenframe/card';
import { isDigit } from '../reformat';
import type { InputKindSpec } from './input-kind-spec';

const MAX_DIGITS = 19;

export const numberKind: InputKindSpec = {
  kind: 'number',
  autocomplete: 'cc-number',
  inputMode: 'numeric',
  numeric: true,
  isSignificant: isDigit,
  format(raw) {
    const all = normalizeDigits(raw);
    const brand = detectBrands(all)[0];
    const max = brand ? Math.max(...brand.lengths) : MAX_DIGITS;
    const digits = all.slice(0, max);
    return formatNumber(digits, detectBrands(digits)[0]);
  },
  evaluate(value) {
    const digits = normalizeDigits(value);
    const v = validateNumber(digits);
    // Nothing typed, no brand: every brand is still possible ('' ranks them all, Visa first), and an
    // emptied field (clear(), a changed preferredNetwork) must look like a new one.
    const brand = v.brand ?? (digits === '' ? undefined : detectBrands(digits)[0]);
    return {
      empty: digits === '',
      complete: v.isValid,
      // A Luhn failure at a length the brand allows is shown while typing (issue #19), even where the
      // brand allows longer numbers (Visa 16 → 19): at 17 digits it is merely incomplete again.
      invalid: !v.isPotentiallyValid || v.code === 'invalid_number',
      ...(v.isValid ? {} : { code: v.code ?? (v.isPotentiallyValid ? 'incomplete_number' : 'invalid_number') }),
      ...(brand ? { brand } : {}),
    };
  },
};
