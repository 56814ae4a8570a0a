import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkUrl, resolveChecked, type UrlPolicy } from './check-url';
import { sharedPool } from './connection-pool';
import { OutboundError } from './outbound-error';

export interface SafeRequestInput {
  url: string | URL;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole request: DNS, connect, send, and reading the answer. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** true: an answer longer than `maxResponseBytes` is cut there and returned (webhooks keep 1 kB), not an error. */
  truncate?: boolean;
  /** TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 (only honoured in test mode). */
  allowPrivate: boolean;
  /** The mode of the object the request is for (a live connection, a live webhook endpoint). */
  livemode: boolean;
  /**
   * Reuse kept-alive connections to the same checked address, host and port (outbound/connection-pool.ts).
   * Only for requests that may arrive twice (webhooks: at-least-once, deduplicated by webhook-id): a
   * reused connection the peer closed meanwhile fails, and the request is then sent once more on a
   * new connection. Never for an authorization (an ambiguous failure there means a recovery).
   */
  keepAlive?: boolean;
}

export interface SafeResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The vault's one way to call another server (processor connections, webhook endpoints).
 * Requirements: no request to an address the SSRF rules refuse (outbound/check-url.ts), checked on
 * the address actually dialled; no second DNS lookup between the check and the connect (a
 * rebinding name cannot switch addresses); no redirect followed (a 3xx is the answer); one deadline
 * for everything; an answer larger than `maxResponseBytes` is cut off. Steps: check the URL, resolve
 * and check every address, connect to the checked one with `lookup` pinned to it (Host and TLS SNI
 * keep the name), send, read. Failures throw OutboundError saying whether the request may have been
 * received (`sent`).
 */
export async function safeRequest(input: SafeRequestInput): Promise<SafeResponse> {
  const policy: UrlPolicy = { mode: input.livemode ? 'live' : 'test', allowPrivate: input.allowPrivate };
  const checked = checkUrl(input.url, policy);
  if (!checked.ok) throw new OutboundError('refused', `Outbound request refused: ${checked.reason}.`, false);
  const started = Date.now();
  let dnsTimer: NodeJS.Timeout | undefined;
  const dnsTimeout = new Promise<never>((_, reject) => {
    dnsTimer = setTimeout(() => reject(new OutboundError('timeout', 'DNS lookup timed out.', false)), input.timeoutMs);
  });
  const resolved = await Promise.race([resolveChecked(checked.hostname, policy), dnsTimeout]).finally(() => clearTimeout(dnsTimer));
  if (!resolved.ok) {
    throw new OutboundError(
      resolved.unresolved ? 'unreachable' : 'refused',
      `Outbound request ${resolved.unresolved ? 'failed' : 'refused'}: ${resolved.reason}.`,
      false,
    );
  }
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: resolved.address, family: resolved.family },
      ]);
    else cb(null, resolved.address, resolved.family);
  };
  const sni = checked.literal ? undefined : checked.hostname;
  const left = () => Math.max(1, input.timeoutMs - (Date.now() - started));
  if (!input.keepAlive) return send(checked.url, sni, pinned, input, left(), false);
  const secure = checked.url.protocol === 'https:';
  const agent = sharedPool.agentFor(secure, resolved.address, Number(checked.url.port || (secure ? 443 : 80)), checked.hostname);
  try {
    return await send(checked.url, sni, pinned, input, left(), agent);
  } catch (e) {
    if (!(e instanceof StaleConnection)) throw e;
    return send(checked.url, sni, pinned, input, left(), false); // same checked address, a new connection
  }
}

/** A reused connection failed before any answer (the peer had closed it): worth one more try on a new one. */
class StaleConnection extends Error {}

function send(
  url: URL,
  sniName: string | undefined,
  lookup: LookupFunction,
  input: SafeRequestInput,
  timeoutMs: number,
  agent: http.Agent | false,
): Promise<SafeResponse> {
  const body = input.body === undefined ? undefined : Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body, 'utf8');
  const secure = url.protocol === 'https:';
  return new Promise<SafeResponse>((resolve, reject) => {
    let sent = false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const fail = (kind: OutboundError['kind'], message: string) => finish(() => reject(new OutboundError(kind, message, sent)));
    const req = (secure ? https : http).request({
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: input.method,
      headers: { ...input.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
      agent,
      lookup,
      ...(secure && sniName ? { servername: sniName } : {}),
    });
    const timer = setTimeout(() => {
      fail('timeout', `No answer within ${input.timeoutMs} ms.`);
      req.destroy();
    }, timeoutMs);
    let answered = false;
    // A reused connection is already open: whatever is written on it may be received.
    req.on('socket', (socket) => (req.reusedSocket ? (sent = true) : socket.once('connect', () => void (sent = true))));
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !answered && ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(e.code ?? ''))
        return finish(() => reject(new StaleConnection(e.code)));
      fail(
        sent ? 'reset' : 'unreachable',
        sent ? `The connection failed after the request was sent (${e.code ?? e.message}).` : `Could not connect (${e.code ?? e.message}).`,
      );
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > input.maxResponseBytes && input.truncate) {
          chunks.push(chunk.subarray(0, chunk.length - (size - input.maxResponseBytes)));
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }));
          req.destroy();
          return;
        }
        if (size > input.maxResponseBytes) {
          fail('too_large', `The answer is larger than ${input.maxResponseBytes} bytes.`);
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }));
      });
      res.on('error', () => fail('reset', 'The connection closed before the whole answer arrived.'));
      res.on('close', () => fail('reset', 'The connection closed before the whole answer arrived.'));
    });
    req.end(body);
  });
}
