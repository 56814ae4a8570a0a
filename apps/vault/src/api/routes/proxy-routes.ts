import { Hono } from 'hono';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import type { ProxyService } from '../../services/proxy/proxy-service';
import { orThrow } from '../../services/vault-error';
import type { AppEnv } from '../app-env';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requireSecretKey } from '../require-key';

/**
 * POST|PUT /v1/proxy/:connection/<path> (secret key, `proxy:invoke`): the processor's own answer
 * (status and body, card numbers masked) marked `Tokenframe-Proxied: true`; the vault's own errors
 * are its usual JSON. Idempotency-Key optional; with it, a retry gets the first answer.
 */
export function proxyRoutes(deps: { keys: KeyService; proxy: ProxyService; idempotency: Idempotency }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.on(['POST', 'PUT'], '/v1/proxy/:connection/*', requireSecretKey(deps.keys, 'proxy:invoke'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, 'any'));
    const connection = c.req.param('connection');
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/v1/proxy/${connection}`.length) + url.search;
    const key = c.get('key');
    const send = async () => orThrow(await deps.proxy.send({ key, connection, path, method: c.req.method as 'POST' | 'PUT', body: body.value }));
    if (c.req.header('Idempotency-Key') === undefined) return answer(await send());
    // Under a key: the masked answer is what is stored and replayed.
    return idempotent(c, deps.idempotency, { rawBody: body.raw, mode: 'store' }, async () => {
      const a = await send();
      return { status: a.status, body: { status: a.status, contentType: a.contentType, body: a.body } };
    }).then(async (res) => {
      const stored = (await res.json()) as { status: number; contentType: string; body: string };
      return answer(stored, res.headers.get('Idempotent-Replayed') === 'true');
    });
  });
  return app;
}

const NO_BODY = new Set([204, 205, 304]);

function answer(a: { status: number; contentType: string; body: string }, replayed = false): Response {
  return new Response(NO_BODY.has(a.status) ? null : a.body, { status: a.status, headers: { 'Content-Type': a.contentType, 'Tokenframe-Proxied': 'true', ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) } });
}
