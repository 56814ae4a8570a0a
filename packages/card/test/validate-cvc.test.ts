import { describe, expect, test } from 'vitest';
import { detectBrands, validateCvc } from '../src/index';

const BRAND_PREFIX: Record<string, string> = {
  visa: '4242',
  mastercard: '5555',
  amex: '3782',
  diners: '3056',
  discover: '6011',
  jcb: '3566',
  unionpay: '6200',
  maestro: '6759',
  mir: '2200',
  elo: '636297',
  hipercard: '606282',
  cartes_bancaires: '40000025',
};

// [brand, cvc, isValid, isPotentiallyValid, code]
const CVC: [string, string, boolean, boolean, string | undefined][] = [
  ...Object.keys(BRAND_PREFIX)
    .filter((id) => id !== 'amex')
    .flatMap(
      (id) =>
        [
          [id, '', false, true, 'incomplete_cvc'],
          [id, '12', false, true, 'incomplete_cvc'],
          [id, '123', true, true, undefined],
          [id, '1234', false, false, 'invalid_cvc'],
        ] as [string, string, boolean, boolean, string | undefined][],
    ),
  ['amex', '123', false, true, 'incomplete_cvc'],
  ['amex', '1234', true, true, undefined],
  ['amex', '12345', false, false, 'invalid_cvc'],
  ['visa', '12a', false, false, 'invalid_cvc'],
  ['visa', ' 123 ', true, true, undefined],
];

describe('validateCvc per brand', () => {
  test.each(CVC)('%s %j: valid %s, potentially %s, %s', (id, cvc, isValid, isPotentiallyValid, code) => {
    const brand = detectBrands(BRAND_PREFIX[id]!)[0];
    expect(brand?.id).toBe(id);
    expect(validateCvc(cvc, brand)).toEqual({ isValid, isPotentiallyValid, ...(code ? { code } : {}) });
  });
});

describe('validateCvc before the brand is known', () => {
  test.each([
    ['', false, true],
    ['12', false, true],
    ['123', true, true],
    ['1234', true, true],
    ['12345', false, false],
  ] as const)('%j: valid %s, potentially %s', (cvc, isValid, isPotentiallyValid) => {
    expect(validateCvc(cvc)).toMatchObject({ isValid, isPotentiallyValid });
  });
});
