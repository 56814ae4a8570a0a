import { Hono } from 'hono';
import type { SessionResponse } from '@tokenframe/protocol';
import { randomId } from '../../auth/api-key';
import { canonicalOrigin } from '../../auth/canonical-origin';
import type { RateLimiter } from '../../limits/rate-limiter';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import { orThrow, vaultError } from '../../services/vault-error';
import type { VaultStores } from '../../stores/vault-stores';
import { clientIp, type AppEnv } from '../app-env';
import { exactCors } from '../exact-cors';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requirePublishableKey } from '../require-key';

export interface SessionRouteDeps {
  store: VaultStores;
  idempotency: Idempotency;
  keys: KeyService;
  limiter: RateLimiter;
  framesOrigin: string;
  sessionTtlMs: number;
  sessionMaxUses: number;
  now: () => number;
}

/**
 * POST /v1/sessions: the controller frame opens a session at boot. A session is bound to the key
 * and the page origin, lives `sessionTtlMs` by the vault's clock and allows `sessionMaxUses`
 * tokenizations; creating them is rate-limited per client IP and key.
 */
export function sessionRoutes(d: SessionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/sessions', exactCors(d.framesOrigin, 'POST'));
  app.post('/v1/sessions', requirePublishableKey(d.keys), async (c) => {
    const key = c.get('key');
    const limit = await d.limiter.consume(`session:${clientIp(c)}:${key.id}`);
    if (!limit.ok) {
      const seconds = String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000)));
      throw vaultError(429, 'rate_limited', 'Too many sessions from this client for this key. Retry later.', undefined, { 'Retry-After': seconds });
    }
    const body = orThrow(await readJsonBody(c.req.raw, ['origin']));
    return idempotent(c, d.idempotency, { rawBody: body.raw, mode: 'store' }, async () => {
      const raw = body.value.origin;
      const origin = typeof raw === 'string' ? canonicalOrigin(raw) : undefined;
      if (!origin) throw vaultError(400, 'malformed_request', 'The body must be {"origin": "<page origin, scheme://host[:port]>"}.', 'origin');
      if (!(await d.keys.originAllowed(key, origin))) throw vaultError(403, 'origin_not_allowed', 'This origin is not allowed for this publishable key.', 'origin');
      const now = d.now();
      const session = { id: randomId('ses', 18), accountId: key.accountId, keyId: key.id, origin, createdAt: now, expiresAt: now + d.sessionTtlMs, maxUses: d.sessionMaxUses, uses: 0 };
      await d.store.sessions.insert(session);
      const res: SessionResponse = { sid: session.id, expiresAt: session.expiresAt, serverTime: now };
      return { status: 201, body: res };
    });
  });
  return app;
}
