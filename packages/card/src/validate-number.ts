import type { CardBrand } from './card-brand';
import { rankBrands, reportedBrand } from './detect-brands';
import { isLuhnValid } from './luhn';
import { panDigits } from './pan-digits';

export interface NumberValidation {
  brand?: CardBrand;
  /** False once no more typing can make the number valid: show the error right away. */
  isPotentiallyValid: boolean;
  isValid: boolean;
  code?: 'incomplete_number' | 'invalid_number';
}

/**
 * Judges a (partial) card number, spaces and dashes allowed. `code` says why it is not valid:
 * `incomplete_number` while more digits may still make it valid, `invalid_number` when its
 * length is complete for its brand but the Luhn check fails, or no brand or length fits.
 */
export function validateNumber(digits: string): NumberValidation {
  const pan = panDigits(digits);
  if (pan === undefined) return { isPotentiallyValid: false, isValid: false, code: 'invalid_number' };
  if (pan === '') return { isPotentiallyValid: true, isValid: false, code: 'incomplete_number' };
  const ranked = rankBrands(pan);
  if (ranked.length === 0) return { isPotentiallyValid: false, isValid: false, code: 'invalid_number' };
  const brand = reportedBrand(ranked);
  const lengths = brand ? brand.lengths : ranked.flatMap((r) => r.brand.lengths);
  const canGrow = pan.length < Math.max(...lengths);
  const base = brand ? { brand } : {};
  if (brand && brand.lengths.includes(pan.length)) {
    if (!brand.luhn || isLuhnValid(pan)) return { ...base, isPotentiallyValid: true, isValid: true };
    return { ...base, isPotentiallyValid: canGrow, isValid: false, code: 'invalid_number' };
  }
  return { ...base, isPotentiallyValid: canGrow, isValid: false, code: canGrow ? 'incomplete_number' : 'invalid_number' };
}
