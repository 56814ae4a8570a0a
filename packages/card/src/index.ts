// The public surface of @tokenframe/card: an explicit list (STYLE.md §10). Pure: no DOM, no Node.
export type { CardBrand } from './card-brand';
export { normalizeDigits } from './normalize-digits';
export { isLuhnValid } from './luhn';
export { detectBrands } from './detect-brands';
export { gapsFor } from './gaps-for';
export { formatNumber } from './format-number';
export { validateNumber } from './validate-number';
export type { NumberValidation } from './validate-number';
export { parseExpiry } from './parse-expiry';
export { validateExpiry, MAX_YEARS_AHEAD } from './validate-expiry';
export type { ExpiryValidation } from './validate-expiry';
export { formatExpiry } from './format-expiry';
export { validateCvc } from './validate-cvc';
export type { CvcValidation } from './validate-cvc';
export { TEST_CARDS, isTestCard, testCardOutcome } from './test-cards';
export type { TestCard, TestCardOutcome } from './test-cards';
export { CARTES_BANCAIRES_BINS } from './cartes-bancaires';
export { last4, bin } from './pan-parts';
