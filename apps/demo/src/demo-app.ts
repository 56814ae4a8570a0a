// The merchant's backend: serves the checkout page and its assets, and charges a token for the
// order with the secret key (POST /api/pay → vault → processor). Handlers are Web-standard and
// tested with app.request(), no port needed.
import { readFileSync } from 'node:fs';
import { Tokenframe, verifyWebhook, WebhookVerificationError } from '@tokenframe/node';
import { Hono } from 'hono';
import { checkoutCsp } from './checkout-csp';
import type { DemoConfig } from './demo-config';
import { chargeToken, TOKEN_ID } from './charge-token';
import { testOutcome } from './demo-order';
import { addRefundRoute } from './refund-route';
import { renderCheckout } from './render-checkout';
import { fetchSdkScript, type SdkScript } from './sdk-script';
import { WebhookInbox } from './webhook-inbox';

const ASSETS: Record<string, string> = {
  '/checkout.js': 'text/javascript; charset=utf-8',
  '/checkout.css': 'text/css; charset=utf-8',
  '/favicon.svg': 'image/svg+xml',
};
const ASSET_DIR = new URL('../public/', import.meta.url);

export interface DemoAppDeps {
  /** Where the page's SDK tag comes from; defaults to the vault's /v1/sri.json. */
  sdkScript?: () => Promise<SdkScript | undefined>;
  /** Where verified webhook events are kept; a fresh one per app by default. */
  inbox?: WebhookInbox;
}

/** Charge ids as the vault makes them; bounds what GET /api/orders/:chargeId/events accepts. */
const CHARGE_ID = /^ch_[A-Za-z0-9_-]{8,64}$/;
/** Deliveries are small JSON events; anything larger is not the vault's. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

export function createDemoApp(config: DemoConfig, deps: DemoAppDeps = {}): Hono {
  const sdkScript = deps.sdkScript ?? (() => fetchSdkScript(config.vaultUrl));
  // The secret key goes into the client once; nothing else in this app holds it. 20 s per attempt:
  // longer than the vault's own processor timeout (15 s), so a slow processor is answered by the
  // vault (its recovery included), not cut off by us mid-charge.
  const tf = new Tokenframe(config.secretKey, { vaultUrl: config.vaultUrl, timeoutMs: 20_000 });
  const inbox = deps.inbox ?? new WebhookInbox();
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
  app.get('/api/config', (c) => c.json({ publishableKey: config.publishableKey, vaultUrl: config.vaultUrl, framesUrl: config.framesUrl }));

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
    // The amount is the shop's, never the page's: the page may only name a test outcome.
    const outcome = isPayBody(body) ? testOutcome(body.outcome) : undefined;
    if (token === undefined || !TOKEN_ID.test(token) || !outcome) {
      return c.json(
        {
          error: {
            code: 'malformed_request',
            message: 'Send JSON: {"token": "tok_…", "outcome"?: "approve" | "insufficient_funds" | "do_not_honor"}.',
          },
        },
        400,
      );
    }
    const paid = await chargeToken(tf, token, outcome);
    // The shopper sees a friendly message; the vault's code stays available to the page's developer.
    return paid.ok ? c.json(paid.body) : c.json(paid.body, paid.status as 400);
  });

  addRefundRoute(app, tf, config);

  // The vault's webhooks: verified on the RAW body (re-serialised JSON is other bytes) with the
  // endpoint's secret, de-duplicated on the event id. 400 = not the vault's (or stale): the vault
  // retries a real delivery, so refusing costs nothing; 2xx = received.
  app.post('/webhooks/tokenframe', async (c) => {
    if (!config.webhookSecret)
      return c.json(
        {
          error: {
            code: 'webhooks_not_configured',
            message: 'No webhook secret: start the demo with `pnpm demo`, or set TF_WEBHOOK_SECRET.',
          },
        },
        503,
      );
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_WEBHOOK_BYTES)
      return c.json({ error: { code: 'payload_too_large', message: 'Webhook bodies are small JSON events.' } }, 413);
    let event;
    try {
      event = verifyWebhook(raw, c.req.raw.headers, config.webhookSecret);
    } catch (e) {
      if (e instanceof WebhookVerificationError) return c.json({ error: { code: e.reason, message: e.message } }, 400);
      throw e;
    }
    const fresh = inbox.record(event);
    return c.json({ received: true, duplicate: !fresh });
  });

  // What the paid page shows: which webhook events arrived for its charge (public values only).
  app.get('/api/orders/:chargeId/events', (c) => {
    const chargeId = c.req.param('chargeId');
    if (!CHARGE_ID.test(chargeId)) return c.json({ error: { code: 'malformed_request', message: 'Not a charge id (ch_…).' } }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json({ data: inbox.forCharge(chargeId) });
  });

  return app;
}

function isPayBody(x: unknown): x is { token: string; outcome?: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const { token, outcome, ...rest } = x as Record<string, unknown>;
  return Object.keys(rest).length === 0 && typeof token === 'string' && (outcome === undefined || typeof outcome === 'string');
}
