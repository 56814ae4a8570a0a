import { STYLE_PSEUDOS, STYLE_VARIANTS } from '../style';
import type { StyleSpec } from '../style';
import { LIMITS } from './limits';
import { guard, isPlainObject, isString } from './shape';

function isDeclarations(x: unknown): boolean {
  if (!isPlainObject(x)) return false;
  const entries = Object.entries(x);
  if (entries.length > LIMITS.maxStyleEntries) return false;
  return entries.every(([k, v]) => LIMITS.styleProperty.test(k) && isString(v, LIMITS.maxStyleValue));
}

function isRule(x: unknown): boolean {
  if (!isPlainObject(x)) return false;
  const entries = Object.entries(x);
  if (entries.length > LIMITS.maxStyleEntries) return false;
  return entries.every(([k, v]) =>
    (STYLE_PSEUDOS as readonly string[]).includes(k)
      ? isDeclarations(v)
      : LIMITS.styleProperty.test(k) && isString(v, LIMITS.maxStyleValue),
  );
}

/**
 * The *shape* of a style spec: known variants and pseudos, string values, bounded sizes.
 * Which properties and values are allowed is the style validator's job, run in the frame.
 */
export const isStyleSpecShape = guard<StyleSpec>((x) => {
  if (!isPlainObject(x)) return false;
  return Object.entries(x).every(([k, v]) => (STYLE_VARIANTS as readonly string[]).includes(k) && isRule(v));
});
