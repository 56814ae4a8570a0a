import { Hono } from 'hono';
import type { RateLimiter } from '../../limits/rate-limiter';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import type { SessionService } from '../../services/session-service';
import { orThrow, vaultError } from '../../services/vault-error';
import { clientNet, type AppEnv } from '../app-env';
import { exactCors } from '../exact-cors';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requirePublishableKey } from '../require-key';

export interface SessionRouteDeps {
  sessions: SessionService;
  idempotency: Idempotency;
  keys: KeyService;
  limiter: RateLimiter;
  framesOrigin: string;
}

/**
 * POST /v1/sessions: the controller frame opens a session at boot (services/session-service.ts);
 * creating them is rate-limited per client IP and key.
 */
export function sessionRoutes(d: SessionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/sessions', exactCors(d.framesOrigin, 'POST'));
  app.post('/v1/sessions', requirePublishableKey(d.keys), async (c) => {
    const key = c.get('key');
    const limit = await d.limiter.consume(`session:${clientNet(c)}:${key.id}`);
    if (!limit.ok) {
      const seconds = String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000)));
      throw vaultError(429, 'rate_limited', 'Too many sessions from this client for this key. Retry later.', undefined, {
        'Retry-After': seconds,
      });
    }
    const body = orThrow(await readJsonBody(c.req.raw, ['origin']));
    return idempotent(c, d.idempotency, { rawBody: body.raw, mode: 'store' }, async () => ({
      status: 201,
      body: orThrow(await d.sessions.open(key, body.value.origin)),
    }));
  });
  return app;
}
