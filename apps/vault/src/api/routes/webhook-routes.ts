import { Hono } from 'hono';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import { orThrow, vaultError } from '../../services/vault-error';
import { ownerOf, type WebhookService } from '../../services/webhook-service';
import type { AppEnv } from '../app-env';
import { jsonResponse } from '../api-error';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requireSecretKey } from '../require-key';

/**
 * Webhook endpoints (secret key; `webhooks:write` to change, `webhooks:read` to look) and
 * redelivery of an event. Each key acts in its own account and mode: a test key never sees or
 * creates live endpoints. Create and rotate_secret answer the secret once: under an
 * Idempotency-Key only a marker is kept, so a repeat is 409 replayed_request (as for reveal).
 */
export function webhookRoutes(d: { keys: KeyService; webhooks: WebhookService; idempotency: Idempotency }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { keys, webhooks, idempotency } = d;
  const noStore = { 'Cache-Control': 'no-store' };

  app.post('/v1/webhook_endpoints', requireSecretKey(keys, 'webhooks:write'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, ['url', 'events', 'description']));
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'marker', headers: noStore }, async () => ({
      status: 201,
      body: orThrow(await webhooks.create(ownerOf(c.get('key')), body.value)),
    }));
  });
  app.get('/v1/webhook_endpoints', requireSecretKey(keys, 'webhooks:read'), async (c) =>
    jsonResponse(200, { data: await webhooks.list(ownerOf(c.get('key'))) }, noStore),
  );
  app.get('/v1/webhook_endpoints/:id', requireSecretKey(keys, 'webhooks:read'), async (c) =>
    jsonResponse(200, orThrow(await webhooks.retrieve(ownerOf(c.get('key')), c.req.param('id'))), noStore),
  );
  app.delete('/v1/webhook_endpoints/:id', requireSecretKey(keys, 'webhooks:write'), async (c) =>
    idempotent(c, idempotency, { rawBody: '', mode: 'store' }, async () => ({
      status: 200,
      body: orThrow(await webhooks.remove(ownerOf(c.get('key')), c.req.param('id'))),
    })),
  );
  app.post('/v1/webhook_endpoints/:id/rotate_secret', requireSecretKey(keys, 'webhooks:write'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, [], { allowEmpty: true }));
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'marker', headers: noStore }, async () => ({
      status: 200,
      body: orThrow(await webhooks.rotateSecret(ownerOf(c.get('key')), c.req.param('id'))),
    }));
  });
  app.get('/v1/webhook_endpoints/:id/attempts', requireSecretKey(keys, 'webhooks:read'), async (c) => {
    const raw = c.req.query('limit') ?? '20';
    const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(limit >= 1 && limit <= 100)) throw vaultError(400, 'malformed_request', 'limit must be an integer from 1 to 100.', 'limit');
    return jsonResponse(200, orThrow(await webhooks.attempts(ownerOf(c.get('key')), c.req.param('id'), limit)), noStore);
  });
  app.post('/v1/events/:id/redeliver', requireSecretKey(keys, 'webhooks:write'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, [], { allowEmpty: true }));
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'store' }, async () => ({
      status: 200,
      body: orThrow(await webhooks.redeliver(ownerOf(c.get('key')), c.req.param('id'))),
    }));
  });
  return app;
}
