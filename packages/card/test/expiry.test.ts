import { describe, expect, test } from 'vitest';
import { formatExpiry, parseExpiry, validateExpiry } from '../src/index';

const NOW = new Date('2026-03-15T12:00:00Z');

const PARSED: [string, { month: number; year: number } | undefined][] = [
  ['12/30', { month: 12, year: 2030 }],
  ['12 / 30', { month: 12, year: 2030 }],
  ['12 / 2030', { month: 12, year: 2030 }],
  ['12/2030', { month: 12, year: 2030 }],
  ['1230', { month: 12, year: 2030 }],
  ['122030', { month: 12, year: 2030 }],
  ['1/30', { month: 1, year: 2030 }],
  ['1 / 2030', { month: 1, year: 2030 }],
  ['01-30', { month: 1, year: 2030 }],
  ['2030-12', { month: 12, year: 2030 }],
  ['2030-01', { month: 1, year: 2030 }],
  ['  09 / 27  ', { month: 9, year: 2027 }],
  ['', undefined],
  ['1', undefined],
  ['12', undefined],
  ['12 / ', undefined],
  ['12 / 3', undefined],
  ['12 / 203', undefined],
  ['13/30', undefined],
  ['00/30', undefined],
  ['0/30', undefined],
  ['2030-13', undefined],
  ['2030-', undefined],
  ['12/30/1', undefined],
  ['ab/cd', undefined],
  ['12 / 30 0', undefined],
];

describe('parseExpiry', () => {
  test.each(PARSED)('%j → %j', (input, parsed) => {
    expect(parseExpiry(input)).toEqual(parsed);
  });
});

type Expect = [string, boolean, boolean, string | undefined];
const VALIDATED: Expect[] = [
  // [input, isValid, isPotentiallyValid, code] with now = 15 March 2026
  ['03 / 26', true, true, undefined],
  ['3/26', true, true, undefined],
  ['2026-03', true, true, undefined],
  ['04 / 26', true, true, undefined],
  ['12 / 26', true, true, undefined],
  ['01 / 27', true, true, undefined],
  ['02 / 26', false, false, 'expired_card'],
  ['12 / 25', false, false, 'expired_card'],
  ['2025-12', false, false, 'expired_card'],
  ['12 / 20', false, true, 'expired_card'], // may become 12 / 2030
  ['12 / 2020', false, false, 'expired_card'],
  ['12 / 46', true, true, undefined],
  ['12 / 2046', true, true, undefined],
  ['01 / 47', false, false, 'invalid_expiry'],
  ['12 / 99', false, false, 'invalid_expiry'],
  ['12 / 2100', false, false, 'invalid_expiry'],
  ['', false, true, 'incomplete_expiry'],
  ['0', false, true, 'incomplete_expiry'],
  ['1', false, true, 'incomplete_expiry'],
  ['4', false, true, 'incomplete_expiry'],
  ['12', false, true, 'incomplete_expiry'],
  ['12 / ', false, true, 'incomplete_expiry'],
  ['12 / 2', false, true, 'incomplete_expiry'],
  ['12 / 3', false, true, 'incomplete_expiry'],
  ['12 / 1', false, false, 'invalid_expiry'],
  ['12 / 5', false, false, 'invalid_expiry'],
  ['12 / 203', false, true, 'incomplete_expiry'],
  ['12 / 209', false, false, 'invalid_expiry'],
  ['2030-', false, true, 'incomplete_expiry'],
  ['00', false, false, 'invalid_expiry'],
  ['13', false, false, 'invalid_expiry'],
  ['13 / 30', false, false, 'invalid_expiry'],
  ['x', false, false, 'invalid_expiry'],
  ['12 / 3x', false, false, 'invalid_expiry'],
];

describe('validateExpiry (now = 2026-03-15)', () => {
  test.each(VALIDATED)('%j: valid %s, potentially %s, %s', (input, isValid, isPotentiallyValid, code) => {
    const result = validateExpiry(input, NOW);
    expect({ isValid: result.isValid, isPotentiallyValid: result.isPotentiallyValid, code: result.code }).toEqual({
      isValid,
      isPotentiallyValid,
      code,
    });
  });

  test('a valid expiry reports its month and four-digit year', () => {
    expect(validateExpiry('7/28', NOW)).toEqual({ month: 7, year: 2028, isValid: true, isPotentiallyValid: true });
  });
});

// A card is good through the end of its month, and the answer must not depend on the host's time
// zone: it expires once its month has ended everywhere (UTC−12).
const MONTH_END: [string, string, boolean][] = [
  ['03 / 26', '2026-03-31T23:59:59Z', true],
  ['03 / 26', '2026-04-01T11:59:59Z', true],
  ['03 / 26', '2026-04-01T12:00:00Z', false],
  ['12 / 25', '2026-01-01T11:00:00Z', true],
  ['12 / 25', '2026-01-01T12:00:00Z', false],
  ['12 / 46', '2026-01-01T00:00:00Z', true],
  ['12 / 47', '2026-12-31T09:59:59Z', false],
  ['12 / 47', '2026-12-31T10:00:00Z', true], // already 2027 in UTC+14
];

describe('validateExpiry at the end of a month', () => {
  test.each(MONTH_END)('%s at %s: valid %s', (input, now, isValid) => {
    expect(validateExpiry(input, new Date(now)).isValid).toBe(isValid);
  });
});

const FORMATTED: [string, string][] = [
  ['', ''],
  ['0', '0'],
  ['1', '1'],
  ['4', '04 / '],
  ['9', '09 / '],
  ['01', '01 / '],
  ['10', '10 / '],
  ['12', '12 / '],
  ['13', '01 / 3'],
  ['19', '01 / 9'],
  ['123', '12 / 3'],
  ['1230', '12 / 30'],
  ['12305', '12 / 30'],
  ['12 / 3', '12 / 3'],
  ['12 / 30', '12 / 30'],
  ['12 / 305', '12 / 30'],
  ['12 /', '12'], // backspace over the separator
  ['1/', '01 / '],
  ['1/3', '01 / 3'],
  ['1 / 30', '01 / 30'],
  ['12/2030', '12 / 30'],
  ['122030', '12 / 30'],
  ['2030-12', '12 / 30'],
  ['a1b2', '12 / '],
];

describe('formatExpiry', () => {
  test.each(FORMATTED)('%j → %j', (input, output) => {
    expect(formatExpiry(input)).toBe(output);
  });

  // Every output is stable, except a bare month left by a backspace ('12'), which is a new input.
  const STABLE = FORMATTED.map(([, output]) => [output]).filter(([output]) => !/^\d{2}$/.test(output!));
  test.each(STABLE)('formatting %j again changes nothing', (formatted) => {
    expect(formatExpiry(formatted)).toBe(formatted);
  });
});
