// The merchant backend, through app.request(): page headers, SRI tag, and what /api/pay refuses
// before it ever calls the vault.
import { describe, expect, test } from 'vitest';
import { createDemoApp, pickSdkScript, type DemoConfig } from '../src/index';

const config: DemoConfig = {
  port: 5173,
  origin: 'http://localhost:5173',
  allowedOrigins: ['http://localhost:5173', 'http://localhost:5174'],
  vaultUrl: 'http://127.0.0.1:4000',
  framesUrl: 'http://127.0.0.1:4001',
  publishableKey: 'pk_test_demo123',
  secretKey: 'sk_test_never_rendered_0123456789',
};
const sdk = { src: 'http://127.0.0.1:4000/v1/tokenframe-0.1.0.js', integrity: 'sha384-abc+/=' };
const app = createDemoApp(config, { sdkScript: async () => sdk });

describe('GET /', () => {
  test('renders the SRI-pinned SDK tag, the key as data, and never the secret key', async () => {
    const res = await app.request('/');
    const html = await res.text();
    expect(html).toContain(`<script src="${sdk.src}" integrity="${sdk.integrity}" crossorigin="anonymous" defer></script>`);
    expect(html).toContain('data-publishable-key="pk_test_demo123"');
    expect(html).not.toContain('sk_test_');
    expect(html).toMatch(/<html lang="en">/);
  });

  test('has no inline script and a CSP that allows only the vault and frames origins', async () => {
    const res = await app.request('/');
    const html = await res.text();
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' http://127.0.0.1:4000;");
    expect(csp).toContain('frame-src http://127.0.0.1:4001;');
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('POST /api/pay refuses before calling the vault', () => {
  const json = { 'content-type': 'application/json' };
  test.each([
    ['a hostile origin', { ...json, origin: 'http://127.0.0.2:5173' }, '{"token":"tok_abcdefgh12345678"}', 403],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 'token=tok_abcdefgh12345678', 415],
    ['no token', json, '{}', 400],
    ['extra keys', json, '{"token":"tok_abcdefgh12345678","pan":"4242"}', 400],
    ['an amount from the page', json, '{"token":"tok_abcdefgh12345678","amount":1}', 400],
    ['an unknown outcome', json, '{"token":"tok_abcdefgh12345678","outcome":"free"}', 400],
    ['a path in the id', json, '{"token":"tok_../../v1/keys"}', 400],
    ['not JSON', json, '{', 400],
  ])('%s → %i', async (_name, headers, body, status) => {
    const res = await app.request('/api/pay', { method: 'POST', headers, body });
    expect(res.status).toBe(status);
  });
});

describe('pickSdkScript', () => {
  const vault = 'http://127.0.0.1:4000';
  test.each([
    ['flat map', { 'tokenframe.js': 'sha384-L', 'tokenframe-1.2.3.js': 'sha384-V' }, 'sha384-V'],
    ['under files', { version: '1.2.3', files: { 'tokenframe-1.2.3.js': { integrity: 'sha384-V' } } }, 'sha384-V'],
    ['only the mutable url', { 'tokenframe.js': 'sha384-L' }, undefined],
    ['a bad hash', { 'tokenframe-1.2.3.js': 'md5-x' }, undefined],
  ])('%s', (_name, manifest, integrity) => {
    expect(pickSdkScript(vault, manifest)?.integrity).toBe(integrity);
  });
});
