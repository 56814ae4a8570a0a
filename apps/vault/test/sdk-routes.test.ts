import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { workspaceRoot } from '../src/config/data-dir';
import { makeHarness, type Harness } from './harness';

const sdkDir = mkdtempSync(join(tmpdir(), 'tf-sdk-'));
const source = '(function(){window.Tokenframe={}})();';
writeFileSync(join(sdkDir, 'tokenframe.js'), source);
const version = (JSON.parse(readFileSync(join(workspaceRoot(), 'packages/sdk/package.json'), 'utf8')) as { version: string }).version;
const sri = `sha384-${createHash('sha384').update(source).digest('base64')}`;

let h: Harness;
let empty: Harness;
beforeAll(async () => {
  h = await makeHarness({ TOKENFRAME_SDK_DIST: sdkDir });
  empty = await makeHarness({ TOKENFRAME_SDK_DIST: mkdtempSync(join(tmpdir(), 'tf-nosdk-')) });
});
afterAll(async () => {
  await h.close();
  await empty.close();
});

test.each([
  [`/v1/tokenframe-${version}.js`, 'public, max-age=31536000, immutable'],
  ['/v1/tokenframe.js', 'public, max-age=300'],
])('%s is the bundle, CORS *, cache %s', async (path, cache) => {
  const res = await h.api.request(path);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe(source);
  expect(res.headers.get('Cache-Control')).toBe(cache);
  expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
});

test('/v1/sri.json publishes the sha384 of each file', async () => {
  const res = await h.api.request('/v1/sri.json');
  expect(await res.json()).toEqual({ version, files: { [`tokenframe-${version}.js`]: sri, 'tokenframe.js': sri } });
});

test.each(['/v1/tokenframe-0.0.0-nope.js', '/v1/tokenframe-x.js'])('an unknown version %s → 404 JSON', async (path) => {
  const res = await h.api.request(path);
  expect(res.status).toBe(404);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
});

test.each(['/v1/tokenframe.js', '/v1/sri.json'])('without a build, %s → 404 saying how to build it', async (path) => {
  const res = await empty.api.request(path);
  expect(res.status).toBe(404);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('pnpm build');
});
