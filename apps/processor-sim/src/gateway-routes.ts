import { Hono } from 'hono';
import { authorize } from './ops/authorize';
import { capture } from './ops/capture';
import { inquire } from './ops/inquire';
import { inquireByOrderId } from './ops/inquire-by-order-id';
import { refund } from './ops/refund';
import { voidByOrderId } from './ops/void-by-order-id';
import { voidByRetref } from './ops/void-by-retref';
import type { GatewayAnswer } from './pps-answer';
import type { SimContext } from './sim-context';
import type { SimEnv } from './sim-env';

/**
 * The CardPointe Gateway REST endpoints, mounted under /cardconnect/rest. Write calls take PUT
 * (the documented verb) and POST (which the gateway also accepts). Every answer is HTTP 200
 * JSON with string values, approvals and refusals alike: respstat says which.
 */
export function gatewayRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const write = (path: string, op: (ctx: SimContext, body: Record<string, unknown>) => GatewayAnswer) =>
    app.on(['PUT', 'POST'], path, (c) => c.json(op(ctx, c.get('body'))));
  write('/auth', authorize);
  write('/capture', capture);
  write('/void', voidByRetref);
  write('/refund', refund);
  write('/voidByOrderId', voidByOrderId);
  app.get('/inquire/:retref/:merchid', (c) => c.json(inquire(ctx, c.req.param('retref'), c.req.param('merchid'))));
  app.get('/inquireByOrderid/:orderid/:merchid', (c) =>
    c.json(inquireByOrderId(ctx, c.req.param('orderid'), c.req.param('merchid'), false)),
  );
  app.get('/inquireByOrderid/:orderid/:merchid/1', (c) =>
    c.json(inquireByOrderId(ctx, c.req.param('orderid'), c.req.param('merchid'), true)),
  );
  // The credentials test: valid credentials and their merchid answer the servlet's name.
  app.on(['PUT', 'POST'], '/', (c) => {
    const merchid = c.get('body').merchid;
    if (merchid !== ctx.config.merchid) return c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Basic realm="CardConnect"' });
    return c.text('CardConnect REST Servlet');
  });
  return app;
}
