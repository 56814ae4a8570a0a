// POST /api/refund {"charge": "ch_…"}: origin-checked like /api/pay, a strict body, then one
// refund of the whole charge (refund-charge.ts).
import type { Tokenframe } from '@tokenframe/node';
import type { Hono } from 'hono';
import type { DemoConfig } from './demo-config';
import { CHARGE_ID, refundCharge } from './refund-charge';

export function addRefundRoute(app: Hono, tf: Tokenframe, config: DemoConfig): void {
  app.post('/api/refund', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !config.allowedOrigins.includes(origin)) {
      return c.json({ error: { code: 'origin_not_allowed', message: 'This endpoint only serves the demo checkouts.' } }, 403);
    }
    if (!c.req.header('content-type')?.startsWith('application/json')) {
      return c.json({ error: { code: 'malformed_request', message: 'Send JSON: {"charge": "ch_…"}.' } }, 415);
    }
    const body: unknown = await c.req.json().catch(() => undefined);
    const charge = isRefundBody(body) ? body.charge : undefined;
    if (charge === undefined || !CHARGE_ID.test(charge)) {
      return c.json({ error: { code: 'malformed_request', message: 'Send JSON: {"charge": "ch_…"}.' } }, 400);
    }
    const refunded = await refundCharge(tf, charge);
    return refunded.ok ? c.json(refunded.body) : c.json(refunded.body, refunded.status as 400);
  });
}

function isRefundBody(x: unknown): x is { charge: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const { charge, ...rest } = x as Record<string, unknown>;
  return Object.keys(rest).length === 0 && typeof charge === 'string';
}
