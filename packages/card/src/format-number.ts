import type { CardBrand } from './card-brand';
import { rankBrands, reportedBrand } from './detect-brands';
import { gapsFor } from './gaps-for';
import { normalizeDigits } from './normalize-digits';

/**
 * Display form of a (partial) number for live input: '4242 4242 4242 4242', Amex '3782 822463 10005'.
 * Without a brand, the detected one decides the layout. Digits are never dropped, so a number
 * longer than its brand allows stays visible and validation can say why it is wrong.
 */
export function formatNumber(digits: string, brand?: CardBrand): string {
  const pan = normalizeDigits(digits);
  const gaps = gapsFor(brand ?? reportedBrand(rankBrands(pan)), pan.length);
  let out = '';
  for (let i = 0; i < pan.length; i++) {
    if (gaps.includes(i)) out += ' ';
    out += pan[i];
  }
  return out;
}
