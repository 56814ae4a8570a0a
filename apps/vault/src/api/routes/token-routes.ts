import { Hono } from 'hono';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import type { TokenService } from '../../services/token-service';
import { orThrow, vaultError } from '../../services/vault-error';
import { clientNet, type AppEnv } from '../app-env';
import { jsonResponse } from '../api-error';
import { exactCors } from '../exact-cors';
import { IDEMPOTENCY_KEY, idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requirePublishableKey, requireSecretKey } from '../require-key';

/** POST /v1/tokens (publishable key, from the frames origin) and the secret-key token operations. */
export function tokenRoutes(deps: {
  keys: KeyService;
  tokens: TokenService;
  idempotency: Idempotency;
  framesOrigin: string;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { keys, tokens, idempotency } = deps;

  app.use('/v1/tokens', exactCors(deps.framesOrigin, 'POST'));
  app.post('/v1/tokens', requirePublishableKey(keys), async (c) => {
    if (!IDEMPOTENCY_KEY.test(c.req.header('Idempotency-Key') ?? '')) {
      throw vaultError(
        400,
        'malformed_request',
        'Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID).',
        'Idempotency-Key',
      );
    }
    const body = orThrow(await readJsonBody(c.req.raw, ['jwe']));
    const jwe = body.value.jwe;
    if (typeof jwe !== 'string' || jwe.length === 0)
      throw vaultError(400, 'malformed_request', 'The body must be {"jwe": "<compact JWE>"}.', 'jwe');
    const key = c.get('key');
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'store', required: true }, (claim) =>
      tokens.tokenize({ key, presentedKey: c.get('presentedKey'), claim: claim!, jwe, clientIp: clientNet(c) }),
    );
  });

  const noBody = async (req: Request) => orThrow(await readJsonBody(req, [], { allowEmpty: true }));

  app.get('/v1/tokens/:id', requireSecretKey(keys, 'tokens:read'), async (c) =>
    jsonResponse(200, orThrow(await tokens.read(c.get('key'), c.req.param('id')))),
  );
  // Idempotency-Key is optional here. Reveal keeps only a marker: its response is card data.
  app.post('/v1/tokens/:id/reveal', requireSecretKey(keys, 'tokens:reveal'), async (c) => {
    const body = await noBody(c.req.raw);
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'marker', headers: { 'Cache-Control': 'no-store' } }, async () => ({
      status: 200,
      body: orThrow(await tokens.reveal(c.get('key'), c.req.param('id'), c.get('requestId'))),
    }));
  });
  app.post('/v1/tokens/:id/persist', requireSecretKey(keys, 'tokens:persist'), async (c) => {
    const body = await noBody(c.req.raw);
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'store' }, async () => ({
      status: 200,
      body: orThrow(await tokens.persist(c.get('key'), c.req.param('id'))),
    }));
  });
  // DELETE is idempotent by nature (the token stays gone; a repeat answers 404). With an
  // Idempotency-Key a retry gets the first answer, 200, instead.
  app.delete('/v1/tokens/:id', requireSecretKey(keys, 'tokens:delete'), async (c) =>
    idempotent(c, idempotency, { rawBody: '', mode: 'store' }, async () => ({
      status: 200,
      body: orThrow(await tokens.remove(c.get('key'), c.req.param('id'), c.get('requestId'))),
    })),
  );
  return app;
}
