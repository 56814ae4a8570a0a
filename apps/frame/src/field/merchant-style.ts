/**
 * Applies a merchant style spec — already validated by @tokenframe/protocol's validateStyle — as one
 * constructable stylesheet. CSP has `style-src 'self'` (no inline <style>, no style attributes);
 * constructable sheets are CSSOM, which the CSP does not govern, and the values they carry passed
 * the validator, so nothing in them can load a URL.
 */
import { STYLE_SELECTORS } from '@tokenframe/fields';
import { STYLE_PSEUDOS, STYLE_VARIANTS } from '@tokenframe/protocol';
import type { StyleDeclarations, StyleSpec } from '@tokenframe/protocol';

/** One rule per entry, so a selector a browser does not know (:-webkit-autofill elsewhere) drops alone. */
export function styleRules(spec: StyleSpec): string[] {
  const rules: string[] = [];
  for (const variant of STYLE_VARIANTS) {
    const rule = spec[variant];
    if (!rule) continue;
    const selector = STYLE_SELECTORS[variant];
    const own: StyleDeclarations = {};
    for (const [k, v] of Object.entries(rule)) if (typeof v === 'string') own[k] = v;
    if (Object.keys(own).length) rules.push(`${selector}{${declarations(own)}}`);
    for (const pseudo of STYLE_PSEUDOS) {
      const d = rule[pseudo];
      if (d && Object.keys(d).length) rules.push(`${selector}${pseudo}{${declarations(d)}}`);
    }
  }
  return rules;
}

export function applyMerchantStyle(doc: Document, spec: StyleSpec, previous?: CSSStyleSheet): CSSStyleSheet {
  const sheet = previous ?? new CSSStyleSheet();
  while (sheet.cssRules.length) sheet.deleteRule(0);
  for (const rule of styleRules(spec)) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      // An unsupported selector in this browser: skip that rule only.
    }
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}

function declarations(d: StyleDeclarations): string {
  return Object.entries(d)
    .map(([prop, value]) => `${kebab(prop)}:${value}`)
    .join(';');
}

/** camelCase → kebab-case; `webkitTextFillColor` → `-webkit-text-fill-color`. */
export function kebab(prop: string): string {
  const k = prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return k.startsWith('webkit-') ? `-${k}` : k;
}
