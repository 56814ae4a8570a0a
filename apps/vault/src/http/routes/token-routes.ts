import { Hono } from 'hono';
import type { KeyService } from '../../services/key-service';
import type { TokenService } from '../../services/token-service';
import type { VaultStore } from '../../storage/vault-store';
import { clientIp, type AppEnv } from '../app-env';
import { apiError, errorResponse, isApiError, jsonResponse } from '../api-error';
import { exactCors } from '../exact-cors';
import { IDEMPOTENCY_KEY, idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requirePublishableKey, requireSecretKey } from '../require-key';

/** POST /v1/tokens (publishable key, from the frames origin) and the secret-key token operations. */
export function tokenRoutes(deps: { keys: KeyService; tokens: TokenService; store: VaultStore; framesOrigin: string; now: () => number }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { keys, tokens, store, now } = deps;

  app.use('/v1/tokens', exactCors(deps.framesOrigin, 'POST'));
  app.post('/v1/tokens', requirePublishableKey(keys), async (c) => {
    const requestId = c.get('requestId');
    const idem = c.req.header('Idempotency-Key');
    if (idem === undefined || !IDEMPOTENCY_KEY.test(idem)) {
      return errorResponse(apiError(400, 'malformed_request', 'Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID).', 'Idempotency-Key'), requestId);
    }
    const body = await readJsonBody(c.req.raw, ['jwe']);
    if (isApiError(body)) return errorResponse(body, requestId);
    const jwe = body.value.jwe;
    if (typeof jwe !== 'string' || jwe.length === 0) return errorResponse(apiError(400, 'malformed_request', 'The body must be {"jwe": "<compact JWE>"}.', 'jwe'), requestId);
    const key = c.get('key');
    // Idempotency keys are scoped per API key: two keys of one account never share a stored response.
    const r = await tokens.tokenize({ key, presentedKey: c.get('presentedKey'), idempotencyKey: `${key.id}:${idem}`, rawBody: body.raw, jwe, clientIp: clientIp(c) });
    if (isApiError(r)) return errorResponse(r, requestId);
    return jsonResponse(201, r.body, r.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  });

  const noBody = async (req: Request) => readJsonBody(req, [], { allowEmpty: true });

  app.get('/v1/tokens/:id', requireSecretKey(keys, 'tokens:read'), async (c) => {
    const r = await tokens.read(c.get('key'), c.req.param('id'));
    return isApiError(r) ? errorResponse(r, c.get('requestId')) : jsonResponse(200, r);
  });
  // Idempotency-Key is optional here (idempotent.ts). Reveal keeps only a marker: its response is card data.
  app.post('/v1/tokens/:id/reveal', requireSecretKey(keys, 'tokens:reveal'), async (c) => {
    const body = await noBody(c.req.raw);
    if (isApiError(body)) return errorResponse(body, c.get('requestId'));
    return idempotent(c, store, now, body.raw, 'marker', async () => {
      const r = await tokens.reveal(c.get('key'), c.req.param('id'), c.get('requestId'));
      return isApiError(r) ? errorResponse(r, c.get('requestId')) : jsonResponse(200, r, { 'Cache-Control': 'no-store' });
    });
  });
  app.post('/v1/tokens/:id/persist', requireSecretKey(keys, 'tokens:persist'), async (c) => {
    const body = await noBody(c.req.raw);
    if (isApiError(body)) return errorResponse(body, c.get('requestId'));
    return idempotent(c, store, now, body.raw, 'store', async () => {
      const r = await tokens.persist(c.get('key'), c.req.param('id'));
      return isApiError(r) ? errorResponse(r, c.get('requestId')) : jsonResponse(200, r);
    });
  });
  // DELETE is idempotent by nature (the token stays gone; a repeat answers 404). With an
  // Idempotency-Key a retry gets the first answer, 200, instead.
  app.delete('/v1/tokens/:id', requireSecretKey(keys, 'tokens:delete'), async (c) =>
    idempotent(c, store, now, '', 'store', async () => {
      const r = await tokens.remove(c.get('key'), c.req.param('id'), c.get('requestId'));
      return isApiError(r) ? errorResponse(r, c.get('requestId')) : jsonResponse(200, r);
    }),
  );
  return app;
}
