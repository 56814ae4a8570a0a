import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
export type Answer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * A real HTTP receiver on 127.0.0.1 port 0: keeps every request (raw body and headers) and
 * answers what `answer` says (204 by default). `connections` counts TCP connections, so a test can
 * prove that nothing reached it.
 */
export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  connections: number;
  answer: (r: Received) => Answer;
  /** Resolves once `n` requests matching `pred` arrived (fails after `ms`). */
  waitFor(n: number, pred?: (r: Received) => boolean, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    url: '',
    port: 0,
    received: [],
    connections: 0,
    answer: () => ({ status: 204 }),
    async waitFor(n, pred = () => true, ms = 5000) {
      const until = Date.now() + ms;
      for (;;) {
        const hits = r.received.filter(pred);
        if (hits.length >= n) return hits;
        if (Date.now() > until) throw new Error(`receiver: ${hits.length} of ${n} requests within ${ms} ms`);
        await new Promise((res) => setTimeout(res, 10));
      }
    },
    close: () => new Promise((res) => server.close(() => res())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const got: Received = { at: Date.now(), path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      r.received.push(got);
      const a = r.answer(got);
      res.writeHead(a.status, a.headers ?? {}).end(a.body ?? '');
    });
  });
  server.on('connection', () => void r.connections++);
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/hooks`;
  return r;
}
