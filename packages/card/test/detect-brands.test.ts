import { describe, expect, test } from 'vitest';
import { detectBrands, validateNumber } from '../src/index';
import { withCheckDigit } from './with-check-digit';

// [prefix of a complete number, brand id, networks]: every range edge on both sides.
const DETECTED: [string, string, string[]][] = [
  ['4', 'visa', ['visa']],
  ['4242', 'visa', ['visa']],
  ['4999', 'visa', ['visa']],
  ['2221', 'mastercard', ['mastercard']],
  ['2229', 'mastercard', ['mastercard']],
  ['223', 'mastercard', ['mastercard']],
  ['2500', 'mastercard', ['mastercard']],
  ['2699', 'mastercard', ['mastercard']],
  ['2700', 'mastercard', ['mastercard']],
  ['2719', 'mastercard', ['mastercard']],
  ['2720', 'mastercard', ['mastercard']],
  ['51', 'mastercard', ['mastercard']],
  ['53', 'mastercard', ['mastercard']],
  ['55', 'mastercard', ['mastercard']],
  ['34', 'amex', ['amex']],
  ['37', 'amex', ['amex']],
  ['300', 'diners', ['diners']],
  ['305', 'diners', ['diners']],
  ['3095', 'diners', ['diners']],
  ['36', 'diners', ['diners']],
  ['38', 'diners', ['diners']],
  ['39', 'diners', ['diners']],
  ['6011', 'discover', ['discover']],
  ['644', 'discover', ['discover']],
  ['649', 'discover', ['discover']],
  ['65', 'discover', ['discover']],
  ['3528', 'jcb', ['jcb']],
  ['3560', 'jcb', ['jcb']],
  ['3589', 'jcb', ['jcb']],
  ['2131', 'jcb', ['jcb']],
  ['1800', 'jcb', ['jcb']],
  ['620', 'unionpay', ['unionpay']],
  ['6210', 'unionpay', ['unionpay']],
  ['622010', 'unionpay', ['unionpay']],
  ['622125', 'unionpay', ['unionpay']],
  ['622126', 'unionpay', ['unionpay', 'discover']],
  ['622500', 'unionpay', ['unionpay', 'discover']],
  ['622925', 'unionpay', ['unionpay', 'discover']],
  ['622926', 'unionpay', ['unionpay']],
  ['624', 'unionpay', ['unionpay']],
  ['6282', 'unionpay', ['unionpay']],
  ['8110', 'unionpay', ['unionpay']],
  ['8171', 'unionpay', ['unionpay']],
  ['493698', 'maestro', ['maestro']],
  ['500000', 'maestro', ['maestro']],
  ['504174', 'maestro', ['maestro']],
  ['504176', 'maestro', ['maestro']],
  ['56', 'maestro', ['maestro']],
  ['59', 'maestro', ['maestro']],
  ['63', 'maestro', ['maestro']],
  ['6304', 'maestro', ['maestro']],
  ['67', 'maestro', ['maestro']],
  ['6759', 'maestro', ['maestro']],
  ['69', 'maestro', ['maestro']],
  ['2200', 'mir', ['mir']],
  ['2202', 'mir', ['mir']],
  ['2204', 'mir', ['mir']],
  ['401178', 'elo', ['elo']],
  ['438935', 'elo', ['elo']],
  ['504175', 'elo', ['elo']],
  ['506699', 'elo', ['elo']],
  ['506778', 'elo', ['elo']],
  ['509000', 'elo', ['elo']],
  ['627780', 'elo', ['elo']],
  ['636297', 'elo', ['elo']],
  ['650031', 'elo', ['elo']],
  ['655058', 'elo', ['elo']],
  ['606282', 'hipercard', ['hipercard']],
  ['40000025', 'cartes_bancaires', ['cartes_bancaires', 'visa']],
  ['55555525', 'cartes_bancaires', ['cartes_bancaires', 'mastercard']],
];

describe('detectBrands on a complete number', () => {
  test.each(DETECTED)('%s… is %s %j', (prefix, id, networks) => {
    const pan = withCheckDigit(prefix, 16);
    const brands = detectBrands(pan);
    expect(brands.map((b) => b.id)).toEqual([id]);
    expect(brands[0]?.networks).toEqual(networks);
  });
});

// Just outside a range: no brand at all, or another brand.
const OUTSIDE: [string, string | undefined][] = [
  ['2220', undefined],
  ['2721', undefined],
  ['2205', undefined],
  ['2199', undefined],
  ['306', undefined],
  ['3094', undefined],
  ['3096', undefined],
  ['3527', undefined],
  ['3590', undefined],
  ['1801', undefined],
  ['2132', undefined],
  ['9792', undefined],
  ['0000', undefined],
  ['7000', undefined],
  ['50', 'maestro'],
  ['52', 'mastercard'],
  ['401177', 'visa'],
  ['401180', 'visa'],
  ['627779', 'unionpay'],
  ['627781', 'unionpay'],
  ['655020', 'discover'],
  ['606281', 'maestro'],
  ['606283', 'maestro'],
  ['40000024', 'visa'],
  ['40000026', 'visa'],
  ['55555524', 'mastercard'],
  ['622009', 'unionpay'],
];

describe('detectBrands just outside a range', () => {
  test.each(OUTSIDE)('%s… is %s', (prefix, id) => {
    expect(detectBrands(withCheckDigit(prefix, 16))[0]?.id).toBe(id);
  });
});

// A partial number lists every brand it may still become, and validateNumber shows one only when sure.
const PARTIAL: [string, string[], string | undefined][] = [
  [
    '',
    [
      'visa',
      'mastercard',
      'amex',
      'diners',
      'discover',
      'jcb',
      'unionpay',
      'maestro',
      'elo',
      'mir',
      'hipercard',
      'cartes_bancaires',
      'cartes_bancaires',
      'unionpay',
    ],
    undefined,
  ],
  ['3', ['amex', 'diners', 'jcb'], undefined],
  ['35', ['jcb'], 'jcb'],
  ['4', ['visa', 'maestro', 'elo', 'cartes_bancaires'], 'visa'],
  ['4011', ['visa', 'elo'], 'visa'],
  ['5', ['mastercard', 'maestro', 'elo', 'cartes_bancaires'], undefined],
  ['6', ['discover', 'unionpay', 'maestro', 'elo', 'hipercard', 'unionpay'], undefined],
  ['60', ['discover', 'maestro', 'hipercard'], undefined],
  ['601', ['discover', 'maestro'], undefined],
  ['22', ['mastercard', 'mir'], undefined],
  ['220', ['mir'], 'mir'],
  ['222', ['mastercard'], 'mastercard'],
  ['2', ['mastercard', 'jcb', 'mir'], undefined],
  ['1', ['jcb'], 'jcb'],
  ['9', [], undefined],
];

describe('detectBrands on a partial number', () => {
  test.each(PARTIAL)('%j could be %j, shown as %s', (digits, ids, shown) => {
    expect(detectBrands(digits).map((b) => b.id)).toEqual(ids);
    expect(validateNumber(digits).brand?.id).toBe(shown);
  });

  test.each([['4242 4242'], ['4242-4242']])('separators are ignored: %j', (input) => {
    expect(detectBrands(input).map((b) => b.id)).toEqual(['visa']);
  });

  test.each([['42a4'], ['4242.4242'], ['٤٢']])('other characters mean no brand: %j', (input) => {
    expect(detectBrands(input)).toEqual([]);
  });
});
