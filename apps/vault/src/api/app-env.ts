import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ApiKeyRecord } from '../stores/records';
import { canonicalIp } from '../auth/ip-ranges';

/** Hono bindings: `incoming` exists when served by @hono/node-server, not under app.request(). */
export interface AppEnv {
  /** `clientIp`: resolved at the edge (metrics/instrument-api.ts) from the peer and trusted proxies. */
  /** `clientNet`: the same client as per-client limits count it (IPv6 per network, auth/client-net.ts). */
  Bindings: { incoming?: IncomingMessage; clientIp?: string; clientNet?: string };
  Variables: { requestId: string; key: ApiKeyRecord; presentedKey: string };
}
export type AppContext = Context<AppEnv>;

/** The client address resolved at the edge (TOKENFRAME_TRUSTED_PROXIES), else the TCP peer address. */
export function clientIp(c: AppContext): string {
  if (c.env?.clientIp) return c.env.clientIp;
  return canonicalIp(c.env?.incoming?.socket?.remoteAddress ?? 'unknown');
}

/** The client as per-client rate limits count it: IPv4 per address, IPv6 per TOKENFRAME_IPV6_PREFIX network. */
export function clientNet(c: AppContext): string {
  return c.env?.clientNet ?? clientIp(c);
}
