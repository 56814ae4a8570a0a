// The merchant's backend: serves the checkout page and its assets, and turns a token into a
// card summary with the secret key (POST /api/pay). Handlers are Web-standard and tested with
// app.request(), no port needed.
import { readFileSync } from 'node:fs';
import { Tokenframe } from '@tokenframe/node';
import { Hono } from 'hono';
import { checkoutCsp } from './checkout-csp';
import type { DemoConfig } from './demo-config';
import { lookupToken, TOKEN_ID } from './lookup-token';
import { renderCheckout } from './render-checkout';
import { fetchSdkScript, type SdkScript } from './sdk-script';

const ASSETS: Record<string, string> = {
  '/checkout.js': 'text/javascript; charset=utf-8',
  '/checkout.css': 'text/css; charset=utf-8',
  '/favicon.svg': 'image/svg+xml',
};
const ASSET_DIR = new URL('../public/', import.meta.url);

export interface DemoAppDeps {
  /** Where the page's SDK tag comes from; defaults to the vault's /v1/sri.json. */
  sdkScript?: () => Promise<SdkScript | undefined>;
}

export function createDemoApp(config: DemoConfig, deps: DemoAppDeps = {}): Hono {
  const sdkScript = deps.sdkScript ?? (() => fetchSdkScript(config.vaultUrl));
  // The secret key goes into the client once; nothing else in this app holds it.
  const tf = new Tokenframe(config.secretKey, { vaultUrl: config.vaultUrl, timeoutMs: 5_000 });
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.get('/', async (c) => {
    const html = renderCheckout({ sdk: await sdkScript(), ...config });
    c.header('Content-Security-Policy', checkoutCsp(config));
    c.header('Cache-Control', 'no-store');
    return c.html(html);
  });

  app.get('/healthz', (c) => c.text('ok'));

  for (const [path, type] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(`.${path}`, ASSET_DIR));
    app.get(path, (c) => c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }));
  }

  // What the React demo needs to load the SDK: public values only (never the secret key).
  app.get('/api/config', (c) =>
    c.json({ publishableKey: config.publishableKey, vaultUrl: config.vaultUrl, framesUrl: config.framesUrl }),
  );

  app.post('/api/pay', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !config.allowedOrigins.includes(origin)) {
      return c.json({ error: { code: 'origin_not_allowed', message: 'This endpoint only serves the demo checkouts.' } }, 403);
    }
    if (!c.req.header('content-type')?.startsWith('application/json')) {
      return c.json({ error: { code: 'malformed_request', message: 'Send JSON: {"token": "tok_…"}.' } }, 415);
    }
    const body: unknown = await c.req.json().catch(() => undefined);
    const token = isPayBody(body) ? body.token : undefined;
    if (token === undefined || !TOKEN_ID.test(token)) {
      return c.json({ error: { code: 'malformed_request', message: 'Send JSON: {"token": "tok_…"}.' } }, 400);
    }
    const found = await lookupToken(tf, token);
    if (!found.ok) {
      // The shopper sees a friendly message; the vault's code stays available to the page's developer.
      const status = found.status === 404 ? 404 : found.status >= 500 ? 502 : found.status === 400 ? 400 : 502;
      return c.json({ error: { code: found.code, message: 'The shop could not confirm this card.' } }, status);
    }
    return c.json({ token, card: found.card });
  });

  return app;
}

function isPayBody(x: unknown): x is { token: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  return keys.length === 1 && keys[0] === 'token' && typeof (x as { token: unknown }).token === 'string';
}
