import { describe, expect, test } from 'vitest';
import doc from '../TEST_CARDS.md?raw';
import { TEST_CARDS, detectBrands, isLuhnValid, isTestCard, testCardOutcome, validateNumber } from '../src/index';

describe('TEST_CARDS', () => {
  test.each(TEST_CARDS.map((card) => [card.number, card.brand, card.outcome] as const))(
    '%s is a valid %s card (%s)',
    (pan, brand, outcome) => {
      expect(isLuhnValid(pan)).toBe(true);
      expect(detectBrands(pan).map((b) => b.id)).toEqual([brand]);
      expect(validateNumber(pan)).toMatchObject({ isValid: true, brand: { id: brand } });
      expect(isTestCard(pan)).toBe(true);
      expect(testCardOutcome(pan)).toBe(outcome);
    },
  );

  test('every brand has a test card, and both special outcomes exist', () => {
    const brands = new Set(TEST_CARDS.map((card) => card.brand));
    for (const id of [
      'visa',
      'mastercard',
      'amex',
      'discover',
      'diners',
      'jcb',
      'unionpay',
      'maestro',
      'mir',
      'elo',
      'hipercard',
      'cartes_bancaires',
    ]) {
      expect(brands).toContain(id);
    }
    expect(TEST_CARDS.map((card) => card.outcome)).toEqual(expect.arrayContaining(['processing_error', 'rate_limited']));
    expect(new Set(TEST_CARDS.map((card) => card.number)).size).toBe(TEST_CARDS.length);
  });

  test('co-badged test cards name every network', () => {
    const networks = TEST_CARDS.filter((card) => card.brand === 'cartes_bancaires').map((card) => detectBrands(card.number)[0]?.networks);
    expect(networks).toEqual([
      ['cartes_bancaires', 'visa'],
      ['cartes_bancaires', 'mastercard'],
    ]);
  });

  test('TEST_CARDS.md lists exactly these cards', () => {
    const rows = [...doc.matchAll(/^\| `([\d ]+)` \| (\w+) \| (\w+) \|/gm)].map((m) => [m[1]!.replace(/ /g, ''), m[2], m[3]]);
    expect(rows).toEqual(TEST_CARDS.map((card) => [card.number, card.brand, card.outcome]));
  });
});

describe('isTestCard / testCardOutcome on other input', () => {
  test.each([
    ['4242 4242 4242 4242', true, 'success'],
    ['4000-0000-0000-0119', true, 'processing_error'],
    ['4000 0000 0000 4954', true, 'rate_limited'],
    ['4242424242424241', false, undefined],
    ['4012888888881881', false, undefined],
    ['42424242424242420', false, undefined],
    ['4242x4242424242424242', false, undefined],
    ['', false, undefined],
  ] as const)('%j: test card %s, outcome %s', (pan, isTest, outcome) => {
    expect(isTestCard(pan)).toBe(isTest);
    expect(testCardOutcome(pan)).toBe(outcome);
  });
});
