import { readExpiry } from './read-expiry';

export interface ExpiryValidation {
  month?: number;
  year?: number;
  /** False once no more typing can make the expiry valid: show the error right away. */
  isPotentiallyValid: boolean;
  isValid: boolean;
  code?: 'incomplete_expiry' | 'invalid_expiry' | 'expired_card';
}

const HOUR = 3_600_000;
/** Cards are issued for at most a few years; more than this far ahead is a typo. */
export const MAX_YEARS_AHEAD = 20;

/**
 * Judges an expiry (any form parseExpiry accepts) against `now`. A card is good through the
 * last day of its expiry month. The check must give the same answer in the frame (the shopper's
 * clock) and in the vault (UTC), whatever the time zone, so "this month" is read generously:
 * the card counts as expired only once its month has ended everywhere on Earth (UTC−12), and
 * "20 years ahead" counts from the latest calendar (UTC+14).
 */
export function validateExpiry(input: string, now: Date = new Date()): ExpiryValidation {
  const earliest = calendar(now.getTime() - 12 * HOUR);
  const maxYear = calendar(now.getTime() + 14 * HOUR).year + MAX_YEARS_AHEAD;
  const reading = readExpiry(input);
  switch (reading.kind) {
    case 'empty':
      return { isPotentiallyValid: true, isValid: false, code: 'incomplete_expiry' };
    case 'invalid':
      return { isPotentiallyValid: false, isValid: false, code: 'invalid_expiry' };
    case 'partial': {
      const possible = yearPossible(reading.yearPrefix, reading.yearDigits, earliest.year, maxYear);
      return { isPotentiallyValid: possible, isValid: false, code: possible ? 'incomplete_expiry' : 'invalid_expiry' };
    }
    case 'complete': {
      const { month, year, yearText } = reading;
      const expired = year < earliest.year || (year === earliest.year && month < earliest.month);
      if (!expired && year <= maxYear) return { month, year, isPotentiallyValid: true, isValid: true };
      // '12 / 20' may be the start of '12 / 2030'.
      const isPotentiallyValid = yearText.length === 2 && yearPossible(yearText, 4, earliest.year, maxYear);
      return { month, year, isPotentiallyValid, isValid: false, code: expired ? 'expired_card' : 'invalid_expiry' };
    }
  }
}

function calendar(time: number): { year: number; month: number } {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Whether some year written with `digits` digits and starting with `prefix` lies in [min, max]. */
function yearPossible(prefix: string, digits: 2 | 4, min: number, max: number): boolean {
  const free = digits - prefix.length;
  const low = Number(prefix.padEnd(digits, '0')) + (digits === 2 ? 2000 : 0);
  const high = low + 10 ** free - 1;
  return low <= max && high >= min;
}
