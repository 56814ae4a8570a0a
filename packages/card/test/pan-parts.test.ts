import { describe, expect, test } from 'vitest';
import { bin, isLuhnValid, last4, normalizeDigits } from '../src/index';

describe('normalizeDigits', () => {
  test.each([
    ['4242 4242-4242.4242', '4242424242424242'],
    [' 12 / 30 ', '1230'],
    ['abc', ''],
    ['４２４２', '4242'], // full-width
    ['٤٢٤٢', '4242'], // Arabic-Indic
    ['۱۲۳۴', '1234'], // Extended Arabic-Indic
    ['१२३४', '1234'], // Devanagari
    ['𝟏𝟐𝟗', '129'], // mathematical bold: a run of 50 digits
  ])('%j → %j', (input, output) => {
    expect(normalizeDigits(input)).toBe(output);
  });
});

describe('isLuhnValid', () => {
  test.each([
    ['0', true],
    ['18', true],
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['79927398713', true], // the classic worked example
    ['79927398710', false],
    ['', false],
    ['4242 4242', false],
  ])('%j → %s', (digits, valid) => {
    expect(isLuhnValid(digits)).toBe(valid);
  });
});

describe('bin and last4', () => {
  test.each([
    ['4242424242424242', '42424242', '4242'],
    ['4242 4242 4242 4242', '42424242', '4242'],
    ['378282246310005', '378282', '0005'],
    ['36227206271667', '362272', '1667'],
    ['4222222222222', '422222', '2222'],
    ['6205500000000000004', '62055000', '0004'],
  ])('%s: bin %s, last4 %s', (pan, expectedBin, expectedLast4) => {
    expect(bin(pan)).toBe(expectedBin);
    expect(last4(pan)).toBe(expectedLast4);
  });
});
