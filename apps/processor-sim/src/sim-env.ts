import type { HttpBindings } from '@hono/node-server';
import type { LoggedRequest } from './request-log';

/** Hono bindings: the Node request/response when served by @hono/node-server (faults need the socket). */
export interface SimEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { body: Record<string, unknown>; logEntry: LoggedRequest };
}
