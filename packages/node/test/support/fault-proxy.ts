// A small HTTP proxy in front of the real vault that misbehaves on purpose, one planned fault per
// request: it records what each attempt carried (method, path, Idempotency-Key) and what it did.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass'
  /** Forward to the vault, let it finish, then cut the connection: the client never sees the answer. */
  | 'drop-response'
  /** Forward, then hold the vault's answer for `holdMs` (past the client's timeout). */
  | { delay: number }
  /** Answer 503 with `Retry-After: <seconds>` without forwarding. */
  | { status503: number }
  /** Answer with the vault's error shape (`status`, `code`) without forwarding, as a busy vault would. */
  | { answer: number; code: string; retryAfter?: string };

export interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  fault: Fault;
  vaultStatus?: number;
}

export interface FaultProxy {
  url: string;
  seen: SeenRequest[];
  /** Faults for the next requests, in order; after them every request passes. */
  plan(...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const queue: Fault[] = [];
  const seen: SeenRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const fault = queue.shift() ?? 'pass';
    const entry: SeenRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      fault,
    };
    seen.push(entry);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (typeof fault === 'object' && 'status503' in fault) {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': String(fault.status503) });
      res.end('{"error":{"type":"api_error","code":"service_unavailable","message":"Planned by the test.","requestId":"req_proxy"}}');
      return;
    }
    if (typeof fault === 'object' && 'answer' in fault) {
      res.writeHead(fault.answer, { 'Content-Type': 'application/json', ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) });
      res.end(JSON.stringify({ error: { type: 'api_error', code: fault.code, message: 'Planned by the test.', requestId: 'req_proxy' } }));
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v);
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    entry.vaultStatus = upstream.status;
    if (fault === 'drop-response') return void req.socket.destroy();
    if (typeof fault === 'object' && 'delay' in fault) await new Promise((r) => setTimeout(r, fault.delay));
    if (res.destroyed) return;
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    plan: (...faults) => void queue.push(...faults),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
