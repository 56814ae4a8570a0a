import { describe, expect, test } from 'vitest';
import { inlineDocument, type BuiltFile } from '../build/inline-document';

const BASE = '/frames/v1/';
const HTML = `<!doctype html><html><head><title>f</title>
<script type="module" crossorigin src="/frames/v1/assets/field-A.js"></script>
<link rel="stylesheet" crossorigin href="/frames/v1/assets/field-B.css">
</head><body></body></html>`;

const chunk = (code: string, imports: string[] = [], dynamicImports: string[] = []): BuiltFile => ({
  type: 'chunk',
  code,
  imports,
  dynamicImports,
});
const css = (source: string): BuiltFile => ({ type: 'asset', source });

/** A field build as Vite emits it: the entry, its stylesheet and one locale chunk. */
function build(change: Record<string, BuiltFile> = {}): Record<string, BuiltFile> {
  return {
    'assets/field-A.js': chunk('boot();load=()=>import(`./de-C.js`);', [], ['assets/de-C.js']),
    'assets/field-B.css': css('p{color:red}\n'),
    'assets/de-C.js': chunk('export const de={}'),
    ...change,
  };
}

describe('inlineDocument', () => {
  test('entry and stylesheet go inline; on-demand imports become absolute; the inlined files are reported', () => {
    const { html, inlined } = inlineDocument(HTML, BASE, build());
    expect(html).toContain('<script type="module">boot();load=()=>import(`/frames/v1/assets/de-C.js`);</script>');
    expect(html).toContain('<style>p{color:red}</style>');
    expect(html).not.toMatch(/src=|stylesheet/);
    expect(inlined.sort()).toEqual(['assets/field-A.js', 'assets/field-B.css']);
  });

  test.each(['"', "'"])('an import() quoted with %s is rewritten too', (q) => {
    const files = build({ 'assets/field-A.js': chunk(`import(${q}./de-C.js${q})`, [], ['assets/de-C.js']) });
    expect(inlineDocument(HTML, BASE, files).html).toContain(`import(${q}/frames/v1/assets/de-C.js${q})`);
  });

  test.each<[string, Record<string, BuiltFile>, string | RegExp, string?]>([
    ['the entry imports a shared chunk', { 'assets/field-A.js': chunk('x()', ['assets/shared.js']) }, /must import nothing statically/],
    ['a chunk imports the entry back', { 'assets/card-D.js': chunk('x()', ['assets/field-A.js']) }, /second copy/],
    [
      'an on-demand chunk has imports of its own',
      { 'assets/de-C.js': chunk('x()', ['assets/shared.js']) },
      /on-demand chunks must import nothing/,
    ],
    [
      'an import() the code does not contain',
      { 'assets/field-A.js': chunk('x()', [], ['assets/de-C.js']) },
      /no import\(\) of \.\/de-C\.js/,
    ],
    ['"</script" in the code', { 'assets/field-A.js': chunk('s="</script>"') }, /"<\/script"/],
    ['"<!--" in the code', { 'assets/field-A.js': chunk('a<!--b') }, /"<!--"/],
    ['"</style" in the stylesheet', { 'assets/field-B.css': css('p{}</style><script>x()</script>') }, /"<\/style"/],
    ['a CR in the code', { 'assets/field-A.js': chunk('a()\r\nb()') }, /"CR"/],
    ['a missing file', { 'assets/field-B.css': undefined as unknown as BuiltFile }, /not a file of this build/],
    ['a tag left that was not Vite’s', {}, /not inlined/, '<script src="/frames/v1/other.js"></script>'],
  ])('fails the build: %s', (_name, change, error, extra = '') => {
    const files = Object.fromEntries(Object.entries(build(change)).filter(([, f]) => f !== undefined));
    expect(() => inlineDocument(HTML + extra, BASE, files)).toThrow(error);
  });
});
