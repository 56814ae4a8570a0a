import { createHash, timingSafeEqual } from 'node:crypto';
import type { BlockList } from 'node:net';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { clientIpFrom } from '../auth/client-ip';
import { clientNet } from '../auth/client-net';
import type { VaultMetrics } from '../metrics/vault-metrics';
import { vaultError } from '../services/vault-error';
import { errorResponse } from './api-error';
import type { AppEnv } from './app-env';
import { requestContext } from './request-context';

/** Route templates: a fixed set, so a path full of random ids cannot blow up label cardinality. */
const ROUTES: [RegExp, string][] = [
  [/^\/v1\/tokens\/[^/]+\/(reveal|persist)$/, '/v1/tokens/:id/$1'],
  [/^\/v1\/tokens\/[^/]+$/, '/v1/tokens/:id'],
  [/^\/v1\/webhook_endpoints\/[^/]+\/(rotate_secret|attempts)$/, '/v1/webhook_endpoints/:id/$1'],
  [/^\/v1\/webhook_endpoints\/[^/]+$/, '/v1/webhook_endpoints/:id'],
  [/^\/v1\/events\/[^/]+\/redeliver$/, '/v1/events/:id/redeliver'],
  [/^\/v1\/charges\/[^/]+\/(capture|void|refund)$/, '/v1/charges/:id/$1'],
  [/^\/v1\/charges\/[^/]+$/, '/v1/charges/:id'],
  [/^\/v1\/proxy\/[^/]+\/.*$/, '/v1/proxy/:connection/*'],
  [/^\/v1\/tokenframe(-[^/]+)?\.js$/, '/v1/tokenframe.js'],
  [/^\/(v1\/(tokens|charges|sessions|jwks|events|webhook_endpoints|frames\/status|sri\.json)|healthz|readyz)$/, '$&'],
];
export function routeTemplate(path: string): string {
  for (const [re, template] of ROUTES) if (re.test(path)) return path.replace(re, template);
  return 'other';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The API as served: `GET /metrics` (bearer `TOKENFRAME_METRICS_TOKEN`; without a configured
 * token the endpoint does not exist), then every other request handed to the API app unchanged,
 * timed and counted, with the client IP resolved once (trusted proxies only) for the API's limits.
 * Tokenize outcomes are read from the response's error code. `/metrics` runs under the same
 * requestContext as the API, so it and its 401 carry a real request id and the standard headers.
 */
export function instrumentApi(
  api: Hono<AppEnv>,
  o: { metrics: VaultMetrics; metricsToken: string | undefined; trustedProxies: BlockList; ipv6Prefix: number; logger: Logger },
): Hono<AppEnv> {
  const { metrics, metricsToken } = o;
  const outer = new Hono<AppEnv>();
  if (metricsToken) {
    outer.get('/metrics', requestContext(o.logger), async (c) => {
      const presented = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(presented), digest(metricsToken))) {
        const denied = vaultError(401, 'invalid_api_key', 'Send "Authorization: Bearer <TOKENFRAME_METRICS_TOKEN>".', undefined, {
          'Cache-Control': 'no-store',
        });
        return errorResponse(denied, c.get('requestId'));
      }
      return new Response(metrics.render(), {
        headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    });
  }
  outer.all('*', async (c) => {
    const started = performance.now();
    const peer = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
    const clientIp = clientIpFrom(peer, c.req.header('X-Forwarded-For'), o.trustedProxies);
    const res = await api.fetch(c.req.raw, { ...c.env, clientIp, clientNet: clientNet(clientIp, o.ipv6Prefix) });
    const route = routeTemplate(c.req.path);
    metrics.request(c.req.method, route, res.status, (performance.now() - started) / 1000);
    if (route === '/v1/tokens' && c.req.method === 'POST') metrics.tokenize(await tokenizeOutcome(res));
    return res;
  });
  return outer;
}

async function tokenizeOutcome(res: Response): Promise<string> {
  if (res.status === 201) return res.headers.get('Idempotent-Replayed') ? 'idempotent_replay' : 'created';
  try {
    const code = ((await res.clone().json()) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : `http_${res.status}`;
  } catch {
    return `http_${res.status}`;
  }
}
