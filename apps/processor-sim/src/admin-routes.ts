import { Hono } from 'hono';
import { checkBasicAuth } from './check-basic-auth';
import { ENDPOINTS, type Endpoint, type FaultBoard } from './faults/fault-board';
import type { RequestLog } from './request-log';
import type { SimContext } from './sim-context';
import type { SimEnv } from './sim-env';

const FAULT_KEYS = new Set(['fault', 'count', 'match']);

/**
 * The simulator's test controls under /__sim, behind the same Basic auth as the gateway
 * (only /__sim/health is open, for readiness polls). Not part of the CardPointe dialect.
 */
export function adminRoutes(ctx: SimContext, faults: FaultBoard, requests: RequestLog): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const refuse = (code: string, message: string) => ({ error: { code, message } });
  app.get('/health', (c) => c.json({ ok: true }));
  app.use('*', async (c, next) => {
    if (checkBasicAuth(c.req.header('authorization'), ctx.config.username, ctx.config.password)) return next();
    return c.json(refuse('unauthorized', 'The admin endpoints take the gateway credentials (HTTP Basic).'), 401, {
      'WWW-Authenticate': 'Basic realm="processor-sim"',
    });
  });

  app.post('/faults', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return c.json(refuse('invalid_body', 'Send {"fault": "...", "count"?: n, "match"?: endpoint}.'), 400);
    const unknown = Object.keys(body).find((k) => !FAULT_KEYS.has(k));
    if (unknown) return c.json(refuse('unknown_field', `Unknown field "${unknown}": fault, count and match are known.`), 400);
    const { fault, count = 1, match } = body as { fault?: unknown; count?: unknown; match?: unknown };
    if (typeof fault !== 'string')
      return c.json(refuse('invalid_fault', '"fault" must be a string such as "status=502" or "accept-then-timeout".'), 400);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000)
      return c.json(refuse('invalid_count', '"count" must be an integer from 1 to 10000.'), 400);
    if (match !== undefined && (typeof match !== 'string' || !(ENDPOINTS as readonly string[]).includes(match))) {
      return c.json(refuse('invalid_match', `"match" must be one of ${ENDPOINTS.filter(Boolean).join(', ')}.`), 400);
    }
    const armed = faults.arm(fault, count, match as Endpoint | undefined);
    if ('error' in armed) return c.json(refuse('invalid_fault', armed.error), 400);
    return c.json(armed, 201);
  });
  app.get('/faults', (c) => c.json({ faults: faults.list() }));
  app.delete('/faults', (c) => {
    faults.clear();
    return c.json({ faults: [] });
  });

  app.get('/ledger', (c) => c.json({ transactions: ctx.ledger.all() }));
  app.get('/requests', (c) => c.json({ requests: requests.list() }));
  app.post('/settle', (c) => c.json(ctx.ledger.settle(ctx.now())));
  app.post('/reset', (c) => {
    ctx.ledger.reset();
    requests.clear();
    faults.clear();
    return c.json({ reset: true });
  });
  return app;
}
