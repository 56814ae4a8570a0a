import { Hono } from 'hono';
import { adminRoutes } from './admin-routes';
import { FaultBoard } from './faults/fault-board';
import { GATEWAY_PREFIX, gatewayEdge } from './gateway-edge';
import { gatewayRoutes } from './gateway-routes';
import { RequestLog } from './request-log';
import type { SimContext } from './sim-context';
import type { SimEnv } from './sim-env';

export interface SimApp {
  app: Hono<SimEnv>;
  faults: FaultBoard;
  requests: RequestLog;
}

/** The whole simulator as one Hono app: the gateway under /cardconnect/rest, test controls under /__sim. */
export function createSimApp(ctx: SimContext, signal: AbortSignal): SimApp {
  const faults = new FaultBoard();
  const requests = new RequestLog();
  // Not strict: "/cardconnect/rest/" and "/cardconnect/rest" are the same servlet.
  const app = new Hono<SimEnv>({ strict: false });
  // `${prefix}/*` also matches the bare prefix.
  app.use(`${GATEWAY_PREFIX}/*`, gatewayEdge({ config: ctx.config, requests, faults, signal, now: ctx.now }));
  app.route(GATEWAY_PREFIX, gatewayRoutes(ctx));
  app.route('/__sim', adminRoutes(ctx, faults, requests));
  // The gateway's own 404 shape (since 2023): it names the path that does not exist.
  app.notFound((c) => c.json({ timestamp: ctx.now().toISOString(), status: 404, error: 'Not Found', path: c.req.path }, 404));
  return { app, faults, requests };
}
