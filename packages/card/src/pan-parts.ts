import { normalizeDigits } from './normalize-digits';

/** The last four digits, the part of the PAN the page and the merchant may show. */
export function last4(pan: string): string {
  return normalizeDigits(pan).slice(-4);
}

/**
 * The bank identification number: the first 8 digits of a 16–19-digit PAN (ISO/IEC 7812-1:2017
 * moved to 8-digit BINs), the first 6 of a shorter one, so BIN + last4 never overlap and never
 * reveal more than PCI DSS allows to be displayed.
 */
export function bin(pan: string): string {
  const digits = normalizeDigits(pan);
  return digits.slice(0, digits.length >= 16 ? 8 : 6);
}
