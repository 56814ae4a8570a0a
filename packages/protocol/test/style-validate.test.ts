import { describe, expect, test } from 'vitest';
import { STYLE_PROPERTIES, validateStyle } from '../src/index';

describe('validateStyle keeps what is allowed', () => {
  test.each([
    ['a base colour', { base: { color: '#32325d' } }],
    ['height properties in base', { base: { fontSize: '16px', lineHeight: '24px', padding: '4px 8px', fontFamily: 'Inter, system-ui' } }],
    [
      'every variant',
      { base: { color: 'black' }, complete: { color: 'green' }, empty: { color: 'gray' }, invalid: { color: 'rgb(200, 0, 0)' } },
    ],
    [
      'pseudo-classes',
      { base: { ':hover': { color: 'blue' }, '::placeholder': { color: '#999' }, ':-webkit-autofill': { webkitTextFillColor: 'black' } } },
    ],
    ['colour pseudo in a variant', { invalid: { ':focus': { color: 'red' } } }],
    ['hsl() and calc() values', { base: { color: 'hsl(210 50% 40%)', letterSpacing: 'calc(0.1em + 1px)' } }],
  ])('%s', (_name, input) => {
    const r = validateStyle(input);
    expect(r.warnings).toEqual([]);
    expect(r.style).toEqual(input);
  });

  test('numbers become strings', () => {
    expect(validateStyle({ base: { opacity: 0.5 } }).style).toEqual({ base: { opacity: '0.5' } });
  });
});

describe('validateStyle drops and names what is not allowed', () => {
  test.each([
    ['url()', 'color', 'url(https://evil.example/x)'],
    ['URL() in caps', 'color', 'URL(https://evil.example/x)'],
    ['image-set', 'color', 'image-set("a.png" 1x)'],
    ['a backslash escape', 'color', 'r\\65 d'],
    ['an at-rule', 'fontFamily', 'x; @import "y"'],
    ['a semicolon', 'color', 'red; background: red'],
    ['a brace', 'color', 'red} body{color:red'],
    ['an opening brace', 'color', '{'],
    ['angle brackets', 'color', '</style><script>'],
    ['expression()', 'color', 'expression(alert(1))'],
    ['javascript:', 'color', 'javascript:alert(1)'],
    ['attr()', 'color', 'attr(data-x)'],
    ['var()', 'color', 'var(--x)'],
    ['env()', 'padding', 'env(safe-area-inset-top)'],
    ['a comment', 'color', 'red /* x */'],
    ['a newline', 'color', 'red\nbackground:red'],
    ['an empty string', 'color', ''],
    ['a non-string', 'color', { nested: true }],
    ['an over-long value', 'color', 'a'.repeat(201)],
  ])('rejects %s', (_name, prop, value) => {
    const r = validateStyle({ base: { [prop]: value } });
    expect(r.style).toEqual({ base: {} });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`style.base.${prop}`);
  });

  test.each([
    ['background (can take an image)', 'background'],
    ['backgroundImage', 'backgroundImage'],
    ['content', 'content'],
    ['cursor', 'cursor'],
    ['listStyle', 'listStyle'],
    ['borderImage', 'borderImage'],
    ['mask', 'mask'],
    ['filter', 'filter'],
    ['a kebab-case name', 'font-size'],
    ['a selector-looking key', '.x input'],
  ])('rejects the property %s', (_name, prop) => {
    const r = validateStyle({ base: { [prop]: 'red' } });
    expect(r.style).toEqual({ base: {} });
    expect(r.warnings[0]).toMatch(/not an allowed property/);
  });

  // Anything that changes the height, or the text's width (and so where the one-frame card wraps).
  const SIZING = [
    'fontSize',
    'lineHeight',
    'padding',
    'paddingTop',
    'paddingBottom',
    'paddingLeft',
    'paddingRight',
    'fontFamily',
    'fontWeight',
    'fontStyle',
    'fontVariant',
    'fontVariantNumeric',
    'letterSpacing',
    'textTransform',
  ];

  test.each(SIZING)('%s in a pseudo-class of base (autofill, focus, …) would leak that state: dropped', (prop) => {
    for (const pseudo of [':-webkit-autofill', ':focus', ':hover', '::placeholder', '::selection', ':disabled']) {
      const r = validateStyle({ base: { [prop]: '2px', [pseudo]: { [prop]: '20px', color: 'red' } } });
      expect(r.style).toEqual({ base: { [prop]: '2px', [pseudo]: { color: 'red' } } });
      expect(r.warnings).toEqual([
        `style.base['${pseudo}'].${prop} ignored: properties that change the field's size are allowed only in style.base, outside pseudo-classes`,
      ]);
    }
  });

  test.each(SIZING)('%s outside base changes height: dropped', (prop) => {
    for (const variant of ['complete', 'empty', 'invalid'] as const) {
      const r = validateStyle({ [variant]: { [prop]: '20px', ':focus': { [prop]: '20px' } } });
      expect(r.style).toEqual({ [variant]: { ':focus': {} } });
      expect(r.warnings).toHaveLength(2);
      expect(r.warnings[0]).toContain(`style.${variant}.${prop}`);
    }
  });

  test.each([
    ['an unknown variant', { hover: { color: 'red' } }, 'style.hover'],
    ['an unknown pseudo (selector string)', { base: { ':not(x)': { color: 'red' } } }, 'style.base.:not?x?'],
    ['a nested pseudo', { base: { ':hover': { ':focus': { color: 'red' } } } }, ":hover'].:focus"],
    ['a variant that is not an object', { base: 'color: red' }, 'style.base'],
    ['a pseudo that is not an object', { base: { ':hover': 'red' } }, "style.base[':hover']"],
  ])('drops %s', (_name, input, named) => {
    const r = validateStyle(input);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(named);
  });

  test.each([null, 'color: red', [], 42])('a non-object spec (%s) yields nothing', (input) => {
    const r = validateStyle(input);
    expect(r.style).toEqual({});
    expect(r.warnings).toHaveLength(1);
  });

  test('undefined is no style at all', () => {
    expect(validateStyle(undefined)).toEqual({ style: {}, warnings: [] });
  });

  test('the allowlist has nothing that can take a URL or an image', () => {
    for (const p of STYLE_PROPERTIES) expect(p).not.toMatch(/background(Image)?$|image|content|cursor|mask|list|filter|src|border/i);
  });
});
