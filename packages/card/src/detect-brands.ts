import type { CardBrand } from './card-brand';
import { BRAND_RULES, type BinPattern, type BrandRule } from './brand-rules';
import { panDigits } from './pan-digits';

/** A rule the digits are compatible with; `strength` is the length of its longest complete match (0: none yet). */
export interface RankedBrand {
  brand: CardBrand;
  strength: number;
}

/**
 * Every brand a (partial) number can still belong to, best first: longest complete BIN match,
 * then co-badged before single-network, then table order. Once every candidate has a complete match the brand is decided and only the
 * best is returned ('4' → visa, elo, cartes_bancaires…; '401178' → elo).
 */
export function rankBrands(digits: string): RankedBrand[] {
  const matches = BRAND_RULES.map((rule) => ({ brand: rule.brand, ...strengthOf(digits, rule) }));
  const anyComplete = matches.some((m) => m.strength !== undefined && m.strength > 0);
  // A fallback match (Maestro's bare '6') gives way as soon as another brand matches completely.
  const ranked: RankedBrand[] = matches
    .filter((m) => m.strength !== undefined && !(m.fallbackOnly && anyComplete))
    .map((m) => ({ brand: m.brand, strength: m.strength ?? 0 }));
  const decided = digits.length > 0 && ranked.every((r) => r.strength > 0);
  // On an equally long match a co-badged row wins (it knows more networks): 622126–622925 is
  // UnionPay+Discover within UnionPay's 622010–622999. Otherwise table order (sort is stable).
  ranked.sort((a, b) => b.strength - a.strength || (a.strength > 0 ? b.brand.networks.length - a.brand.networks.length : 0));
  return decided ? ranked.slice(0, 1) : ranked;
}

/** Possible brands for a partial number, best first; [] when no brand fits. */
export function detectBrands(digits: string): CardBrand[] {
  const pan = panDigits(digits);
  return pan === undefined ? [] : rankBrands(pan).map((r) => r.brand);
}

/**
 * The brand to show for a partial number: the only candidate, or the best one that has a
 * complete match. Undefined while it could still be several ('3', '5', '6').
 */
export function reportedBrand(ranked: readonly RankedBrand[]): CardBrand | undefined {
  const [best] = ranked;
  if (!best) return undefined;
  return ranked.length === 1 || best.strength > 0 ? best.brand : undefined;
}

function strengthOf(digits: string, rule: BrandRule): { strength?: number; fallbackOnly?: boolean } {
  let strength: number | undefined;
  for (const pattern of rule.patterns) {
    const match = matchPattern(digits, pattern);
    if (match !== undefined) strength = Math.max(strength ?? 0, match);
  }
  if (strength !== undefined) return { strength };
  if (rule.fallback.some((p) => matchPattern(digits, p) !== undefined)) return { strength: 0, fallbackOnly: true };
  return {};
}

/** undefined: incompatible; 0: compatible but the number is shorter than the pattern; n: full match of n digits. */
function matchPattern(digits: string, pattern: BinPattern): number | undefined {
  const [min, max] = typeof pattern === 'string' ? [pattern, pattern] : pattern;
  const head = digits.slice(0, min.length);
  if (head < min.slice(0, head.length) || head > max.slice(0, head.length)) return undefined;
  return digits.length >= min.length ? min.length : 0;
}
