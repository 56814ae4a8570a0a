import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ApiKeyRecord } from '../storage/records';

/** Hono bindings: `incoming` exists when served by @hono/node-server, not under app.request(). */
export interface AppEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { requestId: string; key: ApiKeyRecord; presentedKey: string };
}
export type AppContext = Context<AppEnv>;

/** The TCP peer address (no X-Forwarded-For: trusting proxies is a deployment decision not made here). */
export function clientIp(c: AppContext): string {
  const ip = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
