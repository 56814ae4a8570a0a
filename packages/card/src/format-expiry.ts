import { normalizeDigits } from './normalize-digits';
import { readExpiry } from './read-expiry';

/**
 * Live formatting of the expiry field into 'MM / YY':
 *   '1' → '1' (could be 10–12), '12' → '12 / ', '123' → '12 / 3', '4' → '04 / ', '13' → '01 / 3',
 *   '1/' → '01 / ', and a complete value in any other form ('12/2030', '2030-12') → '12 / 30'.
 * Backspace over the separator ('12 / ' becomes '12 /') deletes it, leaving '12', so the
 * shopper is never stuck behind a separator that formatting keeps putting back.
 */
export function formatExpiry(input: string): string {
  if (/^\d{1,2} \/$/.test(input)) return input.slice(0, -2);
  const reading = readExpiry(input);
  if (reading.kind === 'complete' && reading.year >= 2000 && reading.year <= 2099) {
    return `${pad(reading.month)} / ${pad(reading.year % 100)}`;
  }
  const typedMonth = /^\s*(\d)\s*[/-]\s*(\d*)\s*$/.exec(input);
  if (typedMonth) return `0${typedMonth[1]} / ${typedMonth[2]!.slice(0, 2)}`;

  const digits = normalizeDigits(input);
  const first = digits[0];
  if (first === undefined) return '';
  if (first > '1') return `0${first} / ${digits.slice(1, 3)}`;
  const second = digits[1];
  if (second === undefined) return first;
  if (first === '1' && second > '2') return `01 / ${digits.slice(1, 3)}`;
  return `${first}${second} / ${digits.slice(2, 4)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
