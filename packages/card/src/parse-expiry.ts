import { readExpiry } from './read-expiry';

/**
 * The month (1–12) and four-digit year of a complete expiry in any accepted form ('12/30',
 * '12 / 2030', '1230', '1/30', '2030-12'), or undefined. Says nothing about the date being
 * in range: that is validateExpiry's job.
 */
export function parseExpiry(input: string): { month: number; year: number } | undefined {
  const reading = readExpiry(input);
  return reading.kind === 'complete' ? { month: reading.month, year: reading.year } : undefined;
}
