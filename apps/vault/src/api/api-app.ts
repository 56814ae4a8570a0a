import { Hono } from 'hono';
import { canonicalOrigin } from '../auth/canonical-origin';
import type { Logger } from 'pino';
import type { RateLimiter } from '../limits/rate-limiter';
import type { Idempotency } from '../services/idempotency';
import type { ChargeActions } from '../services/charges/charge-actions';
import type { ChargeService } from '../services/charges/charge-service';
import type { KeyService } from '../services/key-service';
import type { ProxyService } from '../services/proxy/proxy-service';
import type { SessionService } from '../services/session-service';
import type { TokenService } from '../services/token-service';
import { VaultError, vaultError } from '../services/vault-error';
import type { VaultSecrets } from '../services/vault-secrets';
import type { WebhookService } from '../services/webhook-service';
import { isStoreBusy } from '../stores/store-busy';
import type { VaultStores } from '../stores/vault-stores';
import { clientNet, type AppEnv } from './app-env';
import { errorResponse, jsonResponse } from './api-error';
import { exactCors } from './exact-cors';
import { frameStatusMessage } from './frame-status-message';
import { requestContext } from './request-context';
import { chargeRoutes } from './routes/charge-routes';
import { eventRoutes } from './routes/event-routes';
import { proxyRoutes } from './routes/proxy-routes';
import { sdkRoutes } from './routes/sdk-routes';
import { sessionRoutes } from './routes/session-routes';
import { tokenRoutes } from './routes/token-routes';
import { webhookRoutes } from './routes/webhook-routes';

export interface ApiAppDeps {
  store: VaultStores;
  idempotency: Idempotency;
  keys: KeyService;
  tokens: TokenService;
  charges: ChargeService;
  chargeActions: ChargeActions;
  proxy: ProxyService;
  secrets: VaultSecrets;
  limiter: RateLimiter;
  /** Key lookups without a session (GET /v1/frames/status, and the frame documents): per client. */
  lookupLimiter: RateLimiter;
  logger: Logger;
  framesOrigin: string;
  sessions: SessionService;
  sdkDir: string;
  sdkVersion: string;
  /** false while shutting down: /readyz answers 503 so a load balancer drains this process. */
  accepting: () => boolean;
  now: () => number;
  webhooks: WebhookService;
}

/** The vault API origin (DESIGN.md "The origins"): JSON only, testable with `app.request()`. */
export function createApiApp(d: ApiAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(d.logger));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async () => {
    if (!d.accepting()) return jsonResponse(503, { ok: false, reason: 'shutting_down' });
    try {
      await d.store.ping();
      return jsonResponse(200, { ok: true });
    } catch {
      return jsonResponse(503, { ok: false, reason: 'storage' });
    }
  });

  app.use('/v1/jwks', exactCors(d.framesOrigin, 'GET'));
  app.get('/v1/jwks', () => jsonResponse(200, d.secrets.jwks(), { 'Cache-Control': 'public, max-age=60' }));

  app.get('/v1/frames/status', async (c) => {
    const limit = await d.lookupLimiter.consume(`lookup:${clientNet(c)}`);
    if (!limit.ok) {
      const headers = {
        'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))),
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-store',
      };
      throw vaultError(429, 'rate_limited', 'Too many frame status lookups from this client. Retry later.', undefined, headers);
    }
    const pk = c.req.query('pk') ?? '';
    const origin = c.req.query('origin') ?? '';
    const code = await d.keys.frameStatus(pk, origin);
    // An SDK that names the protocol version (`v`) gets the text to show; older ones only know `code`.
    const body =
      c.req.query('v') === undefined ? { code } : { code, message: frameStatusMessage(code, canonicalOrigin(origin), d.framesOrigin) };
    return jsonResponse(200, body, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  });

  app.route('/', sessionRoutes(d));
  app.route('/', tokenRoutes(d));
  app.route('/', eventRoutes(d));
  app.route('/', webhookRoutes(d));
  app.route('/', chargeRoutes(d));
  app.route('/', proxyRoutes(d));
  app.route('/', sdkRoutes(d.sdkDir, d.sdkVersion));

  app.notFound((c) => errorResponse(vaultError(404, 'resource_missing', 'Unknown endpoint. See docs/api.md.'), c.get('requestId')));
  // The one place an error becomes a response: a VaultError is the answer; anything else is logged.
  app.onError((err, c) => {
    if (err instanceof VaultError) return errorResponse(err, c.get('requestId'));
    if (isStoreBusy(err)) {
      d.logger.warn({ requestId: c.get('requestId'), code: (err as { code?: string }).code }, 'storage busy');
      return errorResponse(
        vaultError(
          503,
          'service_unavailable',
          "The vault's database is busy. Retry the request after the Retry-After seconds (with the same Idempotency-Key).",
          undefined,
          { 'Retry-After': '1' },
        ),
        c.get('requestId'),
      );
    }
    d.logger.error({ requestId: c.get('requestId'), err: { name: err.name, message: err.message } }, 'unhandled error');
    return errorResponse(
      vaultError(500, 'internal_error', 'Something went wrong in the vault. Quote the request id when reporting it.'),
      c.get('requestId'),
    );
  });
  return app;
}
