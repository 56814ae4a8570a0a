/**
 * Validates a merchant's style spec (FieldConfig.style) into a safe StyleSpec.
 *
 * Requirements (issue #5, "Styling API, safe by construction"):
 * - only the variants in STYLE_VARIANTS, only the pseudo-classes in STYLE_PSEUDOS, no selector strings;
 * - only allowlisted properties (./style-allowlist.ts), size-affecting ones only at the top level of `base`;
 * - values are short strings (or finite numbers) free of anything that could open a URL, escape the
 *   declaration or reach outside it: url, image-set, `\`, `@`, `;`, `{`, `}`, `<`, `>`, expression,
 *   javascript, attr(, var(, env(, comments and control characters.
 * Invalid entries are dropped, never fatal; each drop yields one warning naming the property, so the
 * frame can `console.warn` it for the merchant's developer.
 */
import { HEIGHT_PROPERTIES, isStyleProperty } from './style-allowlist';
import { STYLE_PSEUDOS, STYLE_VARIANTS } from './style';
import type { StyleDeclarations, StylePseudo, StyleRule, StyleSpec, StyleVariant } from './style';

export interface StyleValidation {
  style: StyleSpec;
  warnings: string[];
}

const MAX_VALUE_LENGTH = 200;
const MAX_KEYS = 64;
const FORBIDDEN = ['url', 'image-set', '\\', '@', ';', '{', '}', '<', '>', 'expression', 'javascript', 'attr(', 'var(', 'env(', '/*', '*/'];

export function validateStyle(input: unknown): StyleValidation {
  const warnings: string[] = [];
  const style: StyleSpec = {};
  if (input === undefined) return { style, warnings };
  if (!isPlainObject(input)) return { style, warnings: ['style must be an object of variants (base, complete, empty, invalid)'] };
  for (const [variant, rule] of Object.entries(input).slice(0, MAX_KEYS)) {
    if (!isVariant(variant)) {
      warnings.push(`style.${safeName(variant)} ignored: not a variant (use ${STYLE_VARIANTS.join(', ')})`);
      continue;
    }
    if (!isPlainObject(rule)) {
      warnings.push(`style.${variant} ignored: must be an object of CSS properties`);
      continue;
    }
    style[variant] = validateRule(variant, rule, warnings);
  }
  return { style, warnings };
}

function validateRule(variant: StyleVariant, rule: Record<string, unknown>, warnings: string[]): StyleRule {
  const out: StyleRule = {};
  for (const [key, value] of Object.entries(rule).slice(0, MAX_KEYS)) {
    if (isPseudo(key)) {
      if (!isPlainObject(value)) {
        warnings.push(`style.${variant}['${key}'] ignored: must be an object of CSS properties`);
        continue;
      }
      const declarations: StyleDeclarations = {};
      for (const [prop, v] of Object.entries(value).slice(0, MAX_KEYS)) {
        const checked = checkDeclaration(false, `${variant}['${key}']`, prop, v, warnings);
        if (checked !== undefined) declarations[prop] = checked;
      }
      Object.assign(out, { [key]: declarations });
      continue;
    }
    const checked = checkDeclaration(variant === 'base', variant, key, value, warnings);
    if (checked !== undefined) out[key] = checked;
  }
  return out;
}

/** `sizing`: whether this block may change the field's size (only the top level of `base` may). */
function checkDeclaration(sizing: boolean, path: string, prop: string, value: unknown, warnings: string[]): string | undefined {
  const where = `style.${path}.${safeName(prop)}`;
  if (!isStyleProperty(prop)) {
    warnings.push(`${where} ignored: not an allowed property`);
    return undefined;
  }
  if (!sizing && HEIGHT_PROPERTIES.has(prop)) {
    warnings.push(`${where} ignored: properties that change the field's size are allowed only in style.base, outside pseudo-classes`);
    return undefined;
  }
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_VALUE_LENGTH) {
    warnings.push(`${where} ignored: the value must be a non-empty string of at most ${MAX_VALUE_LENGTH} characters`);
    return undefined;
  }
  const lower = text.toLowerCase();
  const bad = FORBIDDEN.find((f) => lower.includes(f));
  // Control characters (including newlines) could end the declaration in some serializers.
  if (bad !== undefined || hasControlCharacter(text)) {
    warnings.push(`${where} ignored: the value contains ${bad !== undefined ? `'${bad}'` : 'a control character'}, which is not allowed`);
    return undefined;
  }
  return text.trim();
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function isVariant(x: string): x is StyleVariant {
  return (STYLE_VARIANTS as readonly string[]).includes(x);
}

function isPseudo(x: string): x is StylePseudo {
  return (STYLE_PSEUDOS as readonly string[]).includes(x);
}

/** Property names are echoed into warnings: keep them short and printable. */
function safeName(name: string): string {
  const printable = name.replace(/[^\w:-]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
