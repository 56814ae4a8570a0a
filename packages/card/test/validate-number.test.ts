import { describe, expect, test } from 'vitest';
import { validateNumber } from '../src/index';
import { breakLuhn, withCheckDigit } from './with-check-digit';

// [brand, a BIN of it, valid lengths]; every length from 12 to 20 is tried against the list.
const LENGTHS: [string, string, number[]][] = [
  ['visa', '4242', [13, 16, 18, 19]],
  ['mastercard', '5555', [16]],
  ['mastercard', '2221', [16]],
  ['amex', '3782', [15]],
  ['diners', '3056', [14, 16, 19]],
  ['discover', '6011', [16, 19]],
  ['jcb', '3566', [16, 17, 18, 19]],
  ['unionpay', '6200', [14, 15, 16, 17, 18, 19]],
  ['unionpay', '622126', [16, 17, 18, 19]],
  ['maestro', '6759', [12, 13, 14, 15, 16, 17, 18, 19]],
  ['mir', '2200', [16, 17, 18, 19]],
  ['elo', '636297', [16]],
  ['hipercard', '606282', [16]],
  // Issue #17 finding 11: a co-badged row takes the lengths of the network it rides on.
  ['cartes_bancaires', '40000025', [13, 16, 18, 19]],
  ['cartes_bancaires', '55555525', [16]],
];

const LENGTH_CASES = LENGTHS.flatMap(([brand, prefix, lengths]) =>
  [12, 13, 14, 15, 16, 17, 18, 19, 20].map((length) => [brand, prefix, length, lengths.includes(length), Math.max(...lengths)] as const),
);

describe('validateNumber: lengths per brand (Luhn-valid numbers)', () => {
  test.each(LENGTH_CASES)('%s %s… with %i digits: valid %s', (brand, prefix, length, valid, longest) => {
    const result = validateNumber(withCheckDigit(prefix, length));
    expect(result.brand?.id).toBe(brand);
    expect(result.isValid).toBe(valid);
    expect(result.isPotentiallyValid).toBe(valid || length < longest);
    if (!valid) expect(result.code).toBe(length < longest ? 'incomplete_number' : 'invalid_number');
  });
});

// [brand, complete number]: Luhn failures are invalid, except where the brand skips Luhn.
const LUHN: [string, string, boolean][] = [
  ['visa', '4242424242424242', true],
  ['mastercard', '5555555555554444', true],
  ['amex', '378282246310005', true],
  ['diners', '36227206271667', true],
  ['discover', '6011111111111117', true],
  ['jcb', '3566002020360505', true],
  ['maestro', '6759649826438453', true],
  ['mir', '2200000000000004', true],
  ['elo', '6362970000457013', true],
  ['hipercard', '6062828888666688', true],
  ['cartes_bancaires', '4000002500001001', true],
  ['unionpay', '6221260000000000', true], // co-badged with Discover: Luhn required
  ['unionpay', '6200000000000005', false],
  ['unionpay', '6205500000000000004', false],
];

describe('validateNumber: Luhn', () => {
  test.each(LUHN)('%s %s passes; with a wrong check digit Luhn applies: %s', (brand, pan, luhnApplies) => {
    expect(validateNumber(pan)).toMatchObject({ isValid: true, isPotentiallyValid: true });
    const broken = validateNumber(breakLuhn(pan));
    expect(broken.brand?.id).toBe(brand);
    expect(broken.isValid).toBe(!luhnApplies);
    if (luhnApplies) expect(broken.code).toBe('invalid_number');
  });

  test('a Luhn failure at a complete length that may still grow stays potentially valid', () => {
    expect(validateNumber('4242424242424241')).toMatchObject({ isValid: false, isPotentiallyValid: true, code: 'invalid_number' });
    expect(validateNumber('5555555555554445')).toMatchObject({ isValid: false, isPotentiallyValid: false, code: 'invalid_number' });
  });
});

const LIVE: [string, boolean, string | undefined][] = [
  ['', true, 'incomplete_number'],
  ['4', true, 'incomplete_number'],
  ['4242 4242', true, 'incomplete_number'],
  ['4242-4242-4242-4242', true, undefined],
  ['3', true, 'incomplete_number'],
  ['9', false, 'invalid_number'],
  ['2721', false, 'invalid_number'],
  ['0', false, 'invalid_number'],
  ['4242x', false, 'invalid_number'],
  ['37828224631000512', false, 'invalid_number'],
  ['42424242424242424242', false, 'invalid_number'],
];

describe('validateNumber: live typing', () => {
  test.each(LIVE)('%j: potentially valid %s, code %s', (input, potentially, code) => {
    const result = validateNumber(input);
    expect(result.isPotentiallyValid).toBe(potentially);
    expect(result.code).toBe(code);
  });
});
