import { STATUS_CODES } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { checkBasicAuth } from './check-basic-auth';
import type { FaultBoard } from './faults/fault-board';
import { holdSocket } from './faults/hold-socket';
import { parseFault, type Fault } from './faults/parse-fault';
import { sleep } from './faults/sleep';
import { maskBody, type RequestLog } from './request-log';
import type { SimConfig } from './sim-config';
import type { SimEnv } from './sim-env';

export const GATEWAY_PREFIX = '/cardconnect/rest';

export interface EdgeDeps {
  config: SimConfig;
  requests: RequestLog;
  faults: FaultBoard;
  /** Aborts when the simulator closes: delays end, held connections are destroyed. */
  signal: AbortSignal;
  now: () => Date;
}

/**
 * Everything in front of the gateway endpoints, in order:
 *   1. log the request (card data masked), so a test can assert what arrived, refused or not;
 *   2. HTTP Basic auth: 401 without the configured credentials (before any fault, so only a
 *      caller who holds them can switch faults on);
 *   3. read the JSON body of PUT/POST (malformed JSON or not an object: HTTP 400);
 *   4. pick the fault: the `X-Sim-Fault` header, else the next armed one for this endpoint;
 *   5. apply it: delay, then answer a status / reset before handling, or handle (the ledger
 *      books it) and then reset or hold the connection without an answer.
 */
export function gatewayEdge({ config, requests, faults, signal, now }: EdgeDeps): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const endpoint = path.slice(GATEWAY_PREFIX.length + 1).split('/')[0] ?? '';
    const entry = requests.start(c.req.method, path, endpoint, now());
    const finish = (outcome: number | 'reset' | 'timeout') => void (entry.outcome = outcome);
    if (!checkBasicAuth(c.req.header('authorization'), config.username, config.password)) {
      finish(401);
      return c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Basic realm="CardConnect"' });
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const text = await c.req.text();
      let body: unknown;
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        finish(400);
        return c.text('Bad Request: the body is not JSON.', 400);
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        finish(400);
        return c.text('Bad Request: the body must be a JSON object.', 400);
      }
      entry.body = maskBody(body);
      c.set('body', body as Record<string, unknown>);
    }
    const header = c.req.header('x-sim-fault');
    let fault: Fault | undefined;
    if (header !== undefined) {
      const parsed = parseFault(header);
      if ('error' in parsed) {
        finish(400);
        return c.text(parsed.error, 400);
      }
      [fault, entry.fault] = [parsed, header];
    } else {
      const armed = faults.take(endpoint);
      if (armed) [fault, entry.fault] = [armed.fault, armed.text];
    }
    if (fault?.delayMs) await sleep(fault.delayMs, signal);
    const action = fault?.action;
    if (!action) {
      await next();
      return finish(c.res.status);
    }
    if (action.kind === 'status') {
      finish(action.status);
      return c.text(STATUS_CODES[action.status] ?? 'Error', action.status as 500);
    }
    const incoming = c.env?.incoming;
    if (!incoming) throw new Error(`The fault "${entry.fault}" needs a real connection: serve the app with startProcessorSim().`);
    if (action.kind === 'reset') {
      finish('reset');
      incoming.socket.destroy();
      return c.body(null, 500);
    }
    await next(); // the ledger books it; the client never hears
    if (action.kind === 'accept-then-reset') {
      finish('reset');
      incoming.socket.destroy();
    } else {
      finish('timeout');
      await holdSocket(incoming, signal, action.holdMs);
    }
  };
}
