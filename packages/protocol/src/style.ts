/**
 * The styling API: a fixed set of variants and pseudo-classes, each a map of allowlisted CSS
 * properties (camelCase) to string values. No selectors, nothing that can take a URL.
 * The validator lives in ./style-validate.ts; the allowlist in ./style-allowlist.ts.
 */
export const STYLE_VARIANTS = ['base', 'complete', 'empty', 'invalid'] as const;
export type StyleVariant = (typeof STYLE_VARIANTS)[number];

export const STYLE_PSEUDOS = [':hover', ':focus', '::placeholder', '::selection', ':-webkit-autofill', ':disabled'] as const;
export type StylePseudo = (typeof STYLE_PSEUDOS)[number];

export type StyleDeclarations = Record<string, string>;
/** CSS properties of one variant, plus nested pseudo-class blocks (e.g. `'::placeholder': {color: '#888'}`). */
export type StyleRule = { [property: string]: string | StyleDeclarations | undefined } & {
  [P in StylePseudo]?: StyleDeclarations;
};
export type StyleSpec = Partial<Record<StyleVariant, StyleRule>>;
