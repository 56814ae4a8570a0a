import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cspHash, inlineHashes } from './inline-hashes';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('cspHash', () => {
  // CSP3 §8.4 example: "alert('Hello, world.');" → sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=
  test('matches the hash of the CSP specification example', () => {
    expect(cspHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
  test('hashes UTF-8 bytes', () => {
    expect(cspHash('é')).toBe(sha('é'));
  });
});

describe('inlineHashes', () => {
  test('a built frame document: one module script and one stylesheet', () => {
    const html =
      '<!doctype html><html><head><script type="module">go()</script><style>p{}</style></head><body><noscript><p>off</p></noscript></body></html>';
    expect(inlineHashes(html)).toEqual({ script: [sha('go()')], style: [sha('p{}')] });
  });

  test.each([
    ['no inline blocks', '<html><head><title>c</title></head></html>', { script: [], style: [] }],
    [
      'an external script is not a block',
      '<script type="module" crossorigin src="/frames/v1/assets/a.js"></script>',
      { script: [], style: [] },
    ],
    ['an empty block', '<script></script><style></style>', { script: [], style: [] }],
    ['noscript is not a script', '<noscript>x()</noscript>', { script: [], style: [] }],
    ['the same block twice is listed once', '<script>a()</script><script>a()</script>', { script: [sha('a()')], style: [] }],
    ['text is hashed exactly, whitespace included', '<script>\n a() \n</script>', { script: [sha('\n a() \n')], style: [] }],
    ['upper-case tags', '<SCRIPT>a()</SCRIPT><STYLE>b{}</STYLE>', { script: [sha('a()')], style: [sha('b{}')] }],
  ])('%s', (_name, html, expected) => {
    expect(inlineHashes(html)).toEqual(expected);
  });
});
