import { describe, expect, test } from 'vitest';
import { preloadLinks } from './preload-links';

const VITE_FIELD = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Secure card field</title>
<script type="module" crossorigin src="/frames/v1/assets/field-B3IJa7b1.js"></script>
<link rel="stylesheet" crossorigin href="/frames/v1/assets/field-Vj8MxpYk.css"></head><body></body></html>`;

describe('preloadLinks', () => {
  test('the module script and stylesheet of a Vite-built frame document, CORS modes matching the tags', () => {
    expect(preloadLinks(VITE_FIELD)).toBe(
      '</frames/v1/assets/field-B3IJa7b1.js>; rel=preload; as=script; crossorigin, </frames/v1/assets/field-Vj8MxpYk.css>; rel=preload; as=style; crossorigin',
    );
  });

  test('a stylesheet without crossorigin is preloaded without it', () => {
    expect(preloadLinks('<link rel="stylesheet" href="/frames/v1/assets/a.css">')).toBe('</frames/v1/assets/a.css>; rel=preload; as=style');
  });

  test.each([
    ['no assets', '<!doctype html><html><head><title>c</title></head><body></body></html>'],
    ['a classic script', '<script src="/frames/v1/assets/a.js"></script>'],
    ['another origin', '<script type="module" src="https://cdn.example/a.js"></script>'],
    ['a protocol-relative URL', '<script type="module" src="//cdn.example/frames/v1/assets/a.js"></script>'],
    ['a path outside the assets', '<script type="module" src="/frames/v1/field.js"></script>'],
    ['a traversal', '<script type="module" src="/frames/v1/assets/../../x.js"></script>'],
    ['header injection', '<link rel="stylesheet" href="/frames/v1/assets/a.css>; rel=preload, <https://evil.example/x.css">'],
    ['a font, not a stylesheet', '<link rel="preload" as="font" href="/frames/v1/assets/a.css">'],
    ['a script with a css name', '<script type="module" src="/frames/v1/assets/a.css"></script>'],
  ])('nothing for %s', (_name, html) => {
    expect(preloadLinks(html)).toBeUndefined();
  });
});
