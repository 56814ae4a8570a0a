import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { vaultError } from '../services/vault-error';

/**
 * CORS for exactly one origin (the frames origin), compared with `===`. Preflights from any other
 * origin get a 403 without CORS headers; actual requests from another origin are refused before
 * any work is done, so a merchant page cannot call the publishable endpoints directly either.
 * Requests without an Origin header (servers, tests) pass.
 */
export function exactCors(allowed: string, methods: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== allowed) {
      throw vaultError(403, 'origin_not_allowed', 'This endpoint is called by the Tokenframe frames only.');
    }
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': allowed,
          'Access-Control-Allow-Methods': methods,
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    await next();
    if (origin === allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', allowed);
      c.res.headers.set('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, Idempotent-Replayed');
    }
    c.res.headers.append('Vary', 'Origin');
  };
}
