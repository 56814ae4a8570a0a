import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API, makeHarness, SHOP, type Harness } from './harness';

let h: Harness;
let pk: string;
let revoked: string;
const frameDir = mkdtempSync(join(tmpdir(), 'tf-frames-'));
mkdirSync(join(frameDir, 'assets'));
writeFileSync(
  join(frameDir, 'field.html'),
  '<!doctype html><html><head lang="en"><script type="module" src="/frames/v1/assets/field-abc.js"></script></head><body></body></html>',
);
writeFileSync(
  join(frameDir, 'card.html'),
  '<!doctype html><html><head><title>card</title><script type="module">card()</script><style>p{}</style></head><body></body></html>',
);
writeFileSync(join(frameDir, 'controller.html'), '<!doctype html><html><head><title>c</title></head><body></body></html>');
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
writeFileSync(join(frameDir, 'assets', 'field-abc.js'), 'console.log(1)');

beforeAll(async () => {
  h = await makeHarness({ TOKENFRAME_FRAME_DIST: frameDir, TOKENFRAME_FONT_HOSTS: 'https://fonts.gstatic.com' });
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const r = await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
  await h.cli('keys', 'revoke', '--key', r.id);
  revoked = r.key;
});
afterAll(() => h.close());

const get = (path: string, headers: Record<string, string> = {}) => h.frames.request(path, { headers });
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

describe('frame documents', () => {
  test('field.html for an allowed origin: exact CSP, no-store, server config injected into <head>', async () => {
    const res = await get(`/frames/v1/field.html?${q({ type: 'cardNumber', pk, origin: SHOP, v: '1.0' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(
      `frame-ancestors ${SHOP}; default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${API}; font-src https://fonts.gstatic.com; img-src 'self' data:; base-uri 'none'; form-action 'none'`,
    );
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Origin-Agent-Cluster')).toBe('?1'); // #17 finding 8: an origin-keyed process, even same-site
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain(
      `<head lang="en"><meta name="tf-api-origin" content="${API}"><meta name="tf-font-hosts" content="https://fonts.gstatic.com"><script`,
    );
    expect(html).not.toContain(pk);
  });

  test('type=card gets card.html; its inline script and style are allowed by their hashes, nothing else inline', async () => {
    const res = await get(`/frames/v1/field.html?${q({ type: 'card', pk, origin: SHOP, v: '1.0' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(
      `frame-ancestors ${SHOP}; default-src 'none'; script-src 'self' ${sha('card()')}; style-src 'self' ${sha('p{}')}; connect-src ${API}; font-src https://fonts.gstatic.com; img-src 'self' data:; base-uri 'none'; form-action 'none'`,
    );
    expect(res.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<title>card</title>');
  });

  test.each([
    ['br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => gunzipSync(b)],
  ])('sent as %s when accepted, the same document', async (coding, decode) => {
    const path = `/frames/v1/field.html?${q({ type: 'card', pk, origin: SHOP, v: '1.0' })}`;
    const plainText = await (await get(path)).text();
    const res = await get(path, { 'Accept-Encoding': `${coding}, identity;q=0.5` });
    expect(res.headers.get('Content-Encoding')).toBe(coding);
    expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest, Accept-Encoding');
    expect(decode(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plainText);
  });

  test('card.html has no URL of its own', async () => {
    expect((await get(`/frames/v1/card.html?${q({ type: 'card', pk, origin: SHOP, v: '1.0' })}`)).status).toBe(404);
  });

  test('controller.html is served the same way', async () => {
    const res = await get(`/frames/v1/controller.html?${q({ pk, origin: SHOP, v: '1.0' })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<head><meta name="tf-api-origin"');
  });

  test.each([
    ['an unknown key', { type: 'cardNumber', pk: 'pk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', origin: SHOP }],
    ['a revoked key', { type: 'cardNumber', pk: 'REVOKED', origin: SHOP }],
    ['an origin not on the list', { type: 'cardNumber', pk: 'PK', origin: 'https://evil.example' }],
    ['a non-canonical origin', { type: 'cardNumber', pk: 'PK', origin: `${SHOP}/` }],
    ['an injected CSP', { type: 'cardNumber', pk: 'PK', origin: `${SHOP}; script-src *` }],
    ['a secret key', { type: 'cardNumber', pk: 'sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', origin: SHOP }],
  ])('%s → 403 that nobody may frame, reflecting nothing', async (_n, params) => {
    const p = { ...params, pk: params.pk === 'PK' ? pk : params.pk === 'REVOKED' ? revoked : params.pk };
    const res = await get(`/frames/v1/field.html?${q(p)}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const text = await res.text();
    for (const v of Object.values(p)) expect(text).not.toContain(v);
  });

  test('an unknown field type → 400, nothing reflected', async () => {
    const res = await get(`/frames/v1/field.html?${q({ type: '<script>', pk, origin: SHOP })}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('<script>');
  });
});

describe('frame documents opened outside an iframe', () => {
  const field = () => `/frames/v1/field.html?${q({ type: 'card', pk, origin: SHOP, v: '1.0' })}`;
  const controller = () => `/frames/v1/controller.html?${q({ pk, origin: SHOP, v: '1.0' })}`;
  test.each([
    ['document', field, 403],
    ['document', controller, 403],
    ['empty', field, 403],
    ['script', field, 403],
    ['object', field, 403],
    ['frame', field, 403],
    ['iframe', field, 200],
    ['iframe', controller, 200],
  ])('Sec-Fetch-Dest: %s → %i', async (dest, path, status) => {
    const res = await get(path(), { 'Sec-Fetch-Dest': dest });
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(await res.text()).toBe('Frame documents load only inside an iframe.');
    }
  });
  test('no Sec-Fetch-Dest (an older browser) is still served', async () => {
    expect((await get(field())).status).toBe(200);
  });
});

describe('frame assets', () => {
  test('served with a long immutable cache and nosniff', async () => {
    const res = await get('/frames/v1/assets/field-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
  test.each([
    '/frames/v1/assets/..%2Ffield.html',
    '/frames/v1/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/frames/v1/assets/field.html',
    '/frames/v1/other.html',
    '/',
  ])('%s → 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
