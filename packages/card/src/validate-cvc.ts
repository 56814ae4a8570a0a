import type { CardBrand } from './card-brand';

export interface CvcValidation {
  isPotentiallyValid: boolean;
  isValid: boolean;
  code?: 'incomplete_cvc' | 'invalid_cvc';
}

/**
 * Judges a security code: exactly the brand's `cvcLength` digits, or 3 or 4 while the brand is
 * unknown (the number field may still be empty when the shopper fills the CVC first).
 */
export function validateCvc(cvc: string, brand?: CardBrand): CvcValidation {
  const value = cvc.trim();
  if (!/^\d*$/.test(value)) return { isPotentiallyValid: false, isValid: false, code: 'invalid_cvc' };
  const lengths = brand ? [brand.cvcLength] : [3, 4];
  if (lengths.includes(value.length)) return { isPotentiallyValid: true, isValid: true };
  const canGrow = value.length < Math.max(...lengths);
  return { isPotentiallyValid: canGrow, isValid: false, code: canGrow ? 'incomplete_cvc' : 'invalid_cvc' };
}
