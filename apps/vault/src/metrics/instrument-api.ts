import { createHash, timingSafeEqual } from 'node:crypto';
import type { BlockList } from 'node:net';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { clientIpFrom } from '../http/client-ip';
import type { VaultMetrics } from './vault-metrics';

/** Route templates: a fixed set, so a path full of random ids cannot blow up label cardinality. */
const ROUTES: [RegExp, string][] = [
  [/^\/v1\/tokens\/[^/]+\/(reveal|persist)$/, '/v1/tokens/:id/$1'],
  [/^\/v1\/tokens\/[^/]+$/, '/v1/tokens/:id'],
  [/^\/v1\/tokenframe(-[^/]+)?\.js$/, '/v1/tokenframe.js'],
  [/^\/(v1\/(tokens|sessions|jwks|events|frames\/status|sri\.json)|healthz|readyz)$/, '$&'],
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
 * Tokenize outcomes are read from the response's error code.
 */
export function instrumentApi(api: Hono<AppEnv>, o: { metrics: VaultMetrics; metricsToken: string | undefined; trustedProxies: BlockList }): Hono<AppEnv> {
  const { metrics, metricsToken } = o;
  const outer = new Hono<AppEnv>();
  outer.get('/metrics', async (c, next) => {
    if (!metricsToken) return next();
    const presented = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(presented), digest(metricsToken))) {
      return c.json({ error: { type: 'authentication_error', code: 'invalid_api_key', message: 'Send "Authorization: Bearer <TOKENFRAME_METRICS_TOKEN>".', requestId: '' } }, 401);
    }
    return c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  outer.all('*', async (c) => {
    const started = performance.now();
    const peer = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
    const clientIp = clientIpFrom(peer, c.req.header('X-Forwarded-For'), o.trustedProxies);
    const res = await api.fetch(c.req.raw, { ...c.env, clientIp });
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
