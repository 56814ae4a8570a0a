import { Hono } from 'hono';
import type { KeyService } from '../../services/key-service';
import type { VaultStores } from '../../stores/vault-stores';
import type { AppEnv } from '../app-env';
import { EVENT_TYPE_ALIASES, EVENT_TYPES } from '../../services/event-types';
import { vaultError } from '../../services/vault-error';
import { jsonResponse } from '../api-error';
import { requireSecretKey } from '../require-key';

/**
 * GET /v1/events (secret key with `events:read`): the account's events (services/event-types.ts)
 * and its audit trail of reveals, in the key's mode (test or live), newest first. `?type=` filters, `?limit=` caps (1–100, default 20).
 */
export function eventRoutes(d: { keys: KeyService; store: VaultStores }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/events', requireSecretKey(d.keys, 'events:read'), async (c) => {
    const rawLimit = c.req.query('limit') ?? '20';
    const limit = /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= 100)) throw vaultError(400, 'malformed_request', 'limit must be an integer from 1 to 100.', 'limit');
    const asked = c.req.query('type');
    const type = asked === undefined ? undefined : (EVENT_TYPE_ALIASES[asked] ?? asked);
    if (type !== undefined && !(EVENT_TYPES as readonly string[]).includes(type)) {
      throw vaultError(400, 'malformed_request', `type must be one of: ${EVENT_TYPES.join(', ')}.`, 'type');
    }
    const key = c.get('key');
    // A key lists only its own mode: a test key must not learn of live tokens' reveals and deletes.
    const events = await d.store.events.list(key.accountId, { livemode: key.env === 'live', limit, ...(type ? { type } : {}) });
    return jsonResponse(
      200,
      { data: events.map(({ id, type: t, createdAt, data }) => ({ id, type: t, createdAt, data })) },
      { 'Cache-Control': 'no-store' },
    );
  });
  return app;
}
