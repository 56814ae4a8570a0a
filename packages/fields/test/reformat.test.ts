import { describe, expect, test } from 'vitest';
import { KINDS, reformat, resolveLocale, skipSeparators } from '../src/index';

// '|' marks the caret in the tables below.
function edit(kind: keyof typeof KINDS, withCaret: string, deleting = false, ctx = {}) {
  const caret = withCaret.indexOf('|');
  const value = withCaret.replace('|', '');
  const spec = KINDS[kind];
  const r = reformat({ value, caret, deleting }, (raw) => spec.format(raw, ctx), spec.isSignificant);
  return `${r.value.slice(0, r.caret)}|${r.value.slice(r.caret)}`;
}

describe('reformat keeps the caret after the same digit', () => {
  test.each([
    ['typing at the end', '42424|', '4242 4|'],
    ['typing in the middle', '4242 4292|4 4242', '4242 4292| 4424 2'],
    ['digit inserted before a separator', '42424| 4242', '4242 4|424 2'],
    ['paste with dashes', '4242-4242-4242-4242|', '4242 4242 4242 4242|'],
    ['paste with spaces and text', ' 4242 4242 4242 4242 |', '4242 4242 4242 4242|'],
    ['amex 4-6-5', '378282246310005|', '3782 822463 10005|'],
    ['too many digits are cut', '42424242424242424242424|', '4242 4242 4242 4242 424|'],
    ['caret at the start', '|4242', '|4242'],
  ])('number: %s', (_name, input, expected) => {
    expect(edit('number', input)).toBe(expected);
  });

  test.each([
    ['deletion in the middle', '4242 424 4242|', '4242 4244 242|', true],
    ['deletion in the middle, caret kept', '4242 4|24 4242', '4242 4|244 242', true],
  ])('number: %s', (_name, input, expected, deleting) => {
    expect(edit('number', input, deleting)).toBe(expected);
  });

  test.each([
    ['a month', '12|', '12 / |', false],
    ['a single high digit', '4|', '04 / |', false],
    ['the year', '12 / 3|', '12 / 3|', false],
    ['backspace past the separator', '1 / |', '1|', true],
    ['backspace over the year', '12 / 3|', '12 / 3|', true],
    ['paste MM/YYYY', '12/2030|', '12 / 30|', false],
  ])('expiry: %s', (_name, input, expected, deleting) => {
    expect(edit('expiry', input, deleting)).toBe(expected);
  });

  test.each([
    ['4 digits without a brand', '12345|', {}, '1234|'],
    ['3 digits for visa', '1234|', { brand: { cvcLength: 3 } }, '123|'],
  ])('cvc: %s', (_name, input, ctx, expected) => {
    expect(edit('cvc', input, false, ctx)).toBe(expected);
  });

  test('name keeps spaces and the caret', () => {
    expect(edit('name', 'Jane |Doe')).toBe('Jane |Doe');
  });
});

describe('skipSeparators', () => {
  test.each([
    ['4242 |4242', 'backward', 4],
    ['4242| 4242', 'forward', 5],
    ['42|42', 'backward', 2],
    ['12 / |', 'backward', 2],
  ] as const)('%s %s', (withCaret, dir, expected) => {
    const caret = withCaret.indexOf('|');
    expect(skipSeparators(withCaret.replace('|', ''), caret, dir, KINDS.number.isSignificant)).toBe(expected);
  });
});

describe('kinds evaluate', () => {
  test.each([
    ['number', '', { empty: true, complete: false, code: 'incomplete_number' }],
    ['number', '4242 4242', { empty: false, complete: false, code: 'incomplete_number' }],
    ['number', '4242 4242 4242 4242', { empty: false, complete: true }],
    ['number', '4242 4242 4242 4241', { empty: false, complete: false, code: 'invalid_number' }],
    ['expiry', '12 / ', { complete: false, code: 'incomplete_expiry' }],
    ['expiry', '01 / 20', { complete: false, code: 'expired_card' }],
    ['expiry', '12 / 40', { complete: true }],
    ['cvc', '12', { complete: false, code: 'incomplete_cvc' }],
    ['cvc', '123', { complete: true }],
    ['name', ' ', { empty: true, complete: false, code: 'incomplete_name' }],
    ['name', 'Jane Doe', { complete: true }],
    ['postal', 'SW1A 1AA', { complete: true }],
    ['postal', '12', { complete: false, code: 'incomplete_postal' }],
    ['postal', '12<3', { complete: false, code: 'invalid_postal' }],
  ] as const)('%s %j', (kind, value, expected) => {
    expect(KINDS[kind].evaluate(value, {})).toMatchObject(expected);
  });

  test('the number reports its brand', () => {
    expect(KINDS.number.evaluate('3782', {}).brand?.id).toBe('amex');
  });
});

describe('resolveLocale', () => {
  test.each([
    ['de-AT', undefined, 'de'],
    ['FR', undefined, 'fr'],
    ['ar-EG', undefined, 'ar'],
    ['auto', 'ja-JP', 'ja'],
    [undefined, 'es', 'es'],
    ['auto', undefined, 'en'],
    ['xx', undefined, 'en'],
    ['pt-BR', undefined, 'en'],
  ])('%s (page: %s) → %s', (tag, page, expected) => {
    expect(resolveLocale(tag, page)).toBe(expected);
  });
});
