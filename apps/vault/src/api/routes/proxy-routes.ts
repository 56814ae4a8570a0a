import { Hono } from 'hono';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import type { ProxyAnswer, ProxyService } from '../../services/proxy/proxy-service';
import { orThrow } from '../../services/vault-error';
import type { AppEnv } from '../app-env';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requireSecretKey } from '../require-key';

/** The processor's answer wrapped, so its 401 or 404 is never mistaken for the vault's own. */
function wrapped(a: ProxyAnswer): { status: number; contentType: string; body: unknown } {
  let body: unknown = a.body;
  if (/json/.test(a.contentType)) {
    try {
      body = JSON.parse(a.body) as unknown;
    } catch {
      // not JSON after all: the text as it came (masked)
    }
  }
  return { status: a.status, contentType: a.contentType, body };
}

/**
 * POST|PUT /v1/proxy/:connection/<path> (secret key, `proxy:invoke`) → 200 `{status, contentType,
 * body}`: the processor's answer (card numbers masked); the vault's own errors are its usual JSON.
 * Idempotency-Key optional; with it, a retry gets the first (masked) answer.
 */
export function proxyRoutes(deps: { keys: KeyService; proxy: ProxyService; idempotency: Idempotency }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.on(['POST', 'PUT'], '/v1/proxy/:connection/*', requireSecretKey(deps.keys, 'proxy:invoke'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, 'any'));
    const connection = c.req.param('connection');
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/v1/proxy/${connection}`.length) + url.search;
    const key = c.get('key');
    return idempotent(c, deps.idempotency, { rawBody: body.raw, mode: 'store' }, async () => ({
      status: 200,
      body: wrapped(orThrow(await deps.proxy.send({ key, connection, path, method: c.req.method as 'POST' | 'PUT', body: body.value }))),
    }));
  });
  return app;
}
