import { describe, expect, test } from 'vitest';
import { detectBrands, formatNumber, gapsFor } from '../src/index';

const FORMATTED: [string, string][] = [
  ['', ''],
  ['4', '4'],
  ['4242', '4242'],
  ['42424', '4242 4'],
  ['4242424242424242', '4242 4242 4242 4242'],
  ['4242 4242-4242 4242', '4242 4242 4242 4242'],
  ['4222222222222', '4222 2222 2222 2'],
  ['4000000000000000006', '4000 0000 0000 0000 006'],
  ['378282246310005', '3782 822463 10005'],
  ['37828', '3782 8'],
  ['3782822463', '3782 822463'],
  ['36227206271667', '3622 720627 1667'],
  ['3056930009020004', '3056 9300 0902 0004'],
  ['3056930009020004123', '3056 9300 0902 0004 123'],
  ['6205500000000000004', '6205 5000 0000 0000 004'],
  ['6759649826438453', '6759 6498 2643 8453'],
  ['675964982643845300', '6759 6498 2643 8453 00'],
  ['2200000000000004', '2200 0000 0000 0004'],
  ['4000002500001001', '4000 0025 0000 1001'],
  ['9999999999999999', '9999 9999 9999 9999'],
];

describe('formatNumber', () => {
  test.each(FORMATTED)('%j → %j', (input, output) => {
    expect(formatNumber(input)).toBe(output);
  });

  test('an explicit brand decides the layout', () => {
    const [amex] = detectBrands('34');
    expect(formatNumber('4242424242424242', amex)).toBe('4242 424242 424242');
  });
});

describe('gapsFor', () => {
  const [diners] = detectBrands('36');
  const [amex] = detectBrands('37');
  const brands = { diners, amex, none: undefined };
  test.each([
    ['diners', 14, [4, 10]],
    ['diners', 16, [4, 8, 12, 16]],
    ['amex', 15, [4, 10]],
    ['amex', 17, [4, 10]],
    ['none', 19, [4, 8, 12, 16]],
  ] as const)('%s with %i digits', (name, length, gaps) => {
    expect(gapsFor(brands[name], length)).toEqual(gaps);
  });
});
