import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { accepts, FrameAssets } from './frame-assets';

const dir = mkdtempSync(join(tmpdir(), 'tf-assets-'));
const JS = `export const x = ${JSON.stringify('card field '.repeat(500))};`;
writeFileSync(join(dir, 'field-abc.js'), JS);
writeFileSync(join(dir, 'font-abc.woff2'), 'wOF2 binary');

describe('FrameAssets', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br', (b: Uint8Array) => brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Uint8Array) => gunzipSync(b)],
    ['br;q=0, gzip;q=0.5', 'gzip', (b: Uint8Array) => gunzipSync(b)],
    [undefined, 'identity', (b: Uint8Array) => Buffer.from(b)],
    ['identity', 'identity', (b: Uint8Array) => Buffer.from(b)],
  ])('Accept-Encoding %s → %s, same bytes once decoded', async (accept, encoding, decode) => {
    const got = (await new FrameAssets(dir).get('field-abc.js', accept))!;
    expect(got.encoding).toBe(encoding);
    expect(decode(got.body).toString('utf8')).toBe(JS);
    if (encoding !== 'identity') expect(got.body.byteLength).toBeLessThan(JS.length / 5);
  });

  test('fonts are served as they are (already compressed)', async () => {
    expect(await new FrameAssets(dir).get('font-abc.woff2', 'br, gzip')).toEqual({
      body: new Uint8Array(Buffer.from('wOF2 binary')),
      encoding: 'identity',
    });
  });

  test('a missing file is undefined and not remembered: it is served once the build lands', async () => {
    const assets = new FrameAssets(dir);
    expect(await assets.get('late-abc.js', 'br')).toBeUndefined();
    writeFileSync(join(dir, 'late-abc.js'), JS);
    expect((await assets.get('late-abc.js', undefined))?.encoding).toBe('identity');
  });
});

describe('accepts', () => {
  test.each([
    ['br', 'br', true],
    ['gzip, br', 'br', true],
    ['BR', 'br', true],
    ['*', 'gzip', true],
    ['br;q=0', 'br', false],
    ['gzip;q=0.0', 'gzip', false],
    ['deflate', 'gzip', false],
    ['', 'br', false],
    ['brotli', 'br', false],
  ] as const)('%j accepts %s: %s', (header, coding, expected) => {
    expect(accepts(header, coding)).toBe(expected);
  });
});
