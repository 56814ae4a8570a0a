import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { maskPath } from '../log/serialize-error';
import type { AppEnv } from './app-env';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * First middleware of the API: a fresh request id (never taken from the request, so nothing is
 * reflected), the headers every API response carries, and one structured log line per request
 * with method, path (no query; digit runs masked, a backend may send a card number where a token
 * id belongs), status and duration — never headers or bodies.
 */
export function requestContext(logger: Logger, headers: Record<string, string> = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = `req_${randomBytes(12).toString('base64url')}`;
    c.set('requestId', requestId);
    await next();
    const h = c.res.headers;
    h.set('X-Request-Id', requestId);
    h.set('X-Content-Type-Options', 'nosniff');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', API_CSP);
    h.set('Referrer-Policy', 'no-referrer');
    for (const [k, v] of Object.entries(headers)) if (!h.has(k)) h.set(k, v);
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: maskPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
