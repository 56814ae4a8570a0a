import { isLuhnValid } from '../src/luhn';

/** A Luhn-valid number of `length` digits that starts with `prefix` (zero-filled in between). */
export function withCheckDigit(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '0');
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable: one check digit always fits');
}

/** The same number with its last digit changed, so it fails Luhn. */
export function breakLuhn(pan: string): string {
  const last = Number(pan.at(-1));
  return pan.slice(0, -1) + String((last + 1) % 10);
}
