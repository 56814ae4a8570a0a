import cardTypes from 'credit-card-type/dist/lib/card-types.js';
import type { CardBrand } from './card-brand';
import { CARTES_BANCAIRES_BINS } from './cartes-bancaires';

/** A prefix ('34') or an inclusive range of equal-length prefixes (['2221', '2720']). */
export type BinPattern = string | readonly [string, string];

/**
 * One row of the detection table. `patterns` decide the brand, longest match wins; a
 * `fallback` pattern only counts when no other brand is still possible (Maestro's bare '6').
 */
export interface BrandRule {
  brand: CardBrand;
  patterns: readonly BinPattern[];
  fallback: readonly BinPattern[];
}

/**
 * The brand data (BIN patterns, lengths, CVC size, gaps) comes from `credit-card-type`
 * (Braintree's table, through its public `getTypeInfo`); README.md lists every change made here
 * and why. We run our own matcher over it: the library's matcher keeps global mutable state and
 * knows neither co-badging nor brands that skip Luhn.
 */
function fromLibrary(type: string, id: string, change: Partial<CardBrand> & { extraPatterns?: BinPattern[] } = {}): BrandRule {
  const info = cardTypes[type];
  if (!info) throw new Error(`credit-card-type has no '${type}' any more: update brand-rules.ts.`);
  const patterns: BinPattern[] = [];
  const fallback: BinPattern[] = [];
  for (const p of info.patterns) {
    const pattern: BinPattern = Array.isArray(p) ? [String(p[0]), String(p[1])] : String(p);
    // Maestro claims every '6…' number that nobody else does; treat that as a last resort.
    (id === 'maestro' && pattern === '6' ? fallback : patterns).push(pattern);
  }
  const { extraPatterns = [], ...brandChange } = change;
  const brand: CardBrand = {
    id,
    name: info.niceType,
    lengths: [...info.lengths].sort((a, b) => a - b),
    cvcLength: info.code.size,
    gaps: [...info.gaps],
    luhn: true,
    networks: [id],
    ...brandChange,
  };
  return { brand, patterns: [...patterns, ...extraPatterns], fallback };
}

const visa = fromLibrary('visa', 'visa', { lengths: [13, 16, 18, 19] });
const mastercard = fromLibrary('mastercard', 'mastercard');
const unionpay = fromLibrary('unionpay', 'unionpay', { luhn: false });

/** Table order is display order among equals; co-badged rows last (detectBrands prefers them on an equal match). */
export const BRAND_RULES: readonly BrandRule[] = [
  visa,
  mastercard,
  fromLibrary('american-express', 'amex'),
  fromLibrary('diners-club', 'diners', { extraPatterns: ['3095'] }),
  fromLibrary('discover', 'discover'),
  fromLibrary('jcb', 'jcb'),
  unionpay,
  fromLibrary('maestro', 'maestro'),
  fromLibrary('elo', 'elo'),
  fromLibrary('mir', 'mir'),
  fromLibrary('hipercard', 'hipercard'),
  ...CARTES_BANCAIRES_BINS.map(({ bin, network }): BrandRule => {
    // A co-badged card is a card of the network it rides on: Visa's lengths (13/16/18/19), CVC and layout.
    const base = network === 'visa' ? visa : mastercard;
    const brand: CardBrand = { ...base.brand, id: 'cartes_bancaires', name: 'Cartes Bancaires', networks: ['cartes_bancaires', network] };
    return { brand, patterns: [bin], fallback: [] };
  }),
  {
    // UnionPay cards in 622126–622925 are also accepted on the Discover network, which requires Luhn.
    brand: { ...unionpay.brand, lengths: [16, 17, 18, 19], luhn: true, networks: ['unionpay', 'discover'] },
    patterns: [['622126', '622925']],
    fallback: [],
  },
];
