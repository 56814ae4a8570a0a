import type { CardBrand } from './card-brand';

const FOUR_BY_FOUR = [4, 8, 12, 16];

/**
 * Where the spaces go (before these digit indexes) for a number of this length. A brand's own
 * layout (Amex 4-6-5, Diners 4-6-4) holds up to its shortest length; a longer number of such a
 * brand (16-digit Diners) and every 17–19-digit number read in groups of four (4-4-4-4-3).
 */
export function gapsFor(brand: CardBrand | undefined, length: number): number[] {
  if (!brand || brand.gaps.every((gap, i) => gap === 4 * (i + 1))) return FOUR_BY_FOUR;
  const ownLayout = brand.lengths.length === 1 || length <= Math.min(...brand.lengths);
  return ownLayout ? brand.gaps : FOUR_BY_FOUR;
}
