/**
 * The CSS properties a merchant may set on a field (camelCase, as in the style spec).
 *
 * Requirement: nothing on this list can take a URL or an image (no background, border-image,
 * content, cursor, list-style, mask, filter, …), so a style can never make the frame fetch anything.
 * The values are checked separately by ./style-validate.ts.
 */
export const STYLE_PROPERTIES = [
  'color',
  'backgroundColor',
  'caretColor',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontVariantNumeric',
  'fontWeight',
  'letterSpacing',
  'lineHeight',
  'padding',
  'paddingTop',
  'paddingBottom',
  'paddingLeft',
  'paddingRight',
  'textAlign',
  'textDecoration',
  'textShadow',
  'textTransform',
  'opacity',
  'outline',
  'webkitTextFillColor',
  'transition',
] as const;
export type StyleProperty = (typeof STYLE_PROPERTIES)[number];

/**
 * Properties that can change the frame's height, directly or by changing how wide the text is (and so
 * where the one-frame card wraps). They are allowed only at the top level of `base`: in a state variant
 * (complete, invalid, …) or a pseudo-class block (`:-webkit-autofill`, …) they would change the height
 * with that state, and the `resize` the frame reports would tell the page what was typed or autofilled.
 */
export const HEIGHT_PROPERTIES: ReadonlySet<StyleProperty> = new Set([
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontVariantNumeric',
  'fontWeight',
  'letterSpacing',
  'lineHeight',
  'padding',
  'paddingTop',
  'paddingBottom',
  'paddingLeft',
  'paddingRight',
  'textTransform',
]);

export function isStyleProperty(x: string): x is StyleProperty {
  return (STYLE_PROPERTIES as readonly string[]).includes(x);
}
