// Two small static sites on one port, told apart by the address they are reached on:
//   http://localhost:PORT  → e2e/support/pages/   a merchant page of our own (every field type),
//                                                 allowed by its own publishable key;
//   http://127.0.0.2:PORT  → e2e/fixtures/hostile/ the attacker's site, allowed by no key.
// Every request to the hostile site is recorded, so a spec can prove that nothing reached it.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS = {
  merchant: fileURLToPath(new URL('./pages/', import.meta.url)),
  hostile: fileURLToPath(new URL('../fixtures/hostile/', import.meta.url)),
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

export interface FixtureSites {
  merchant: string;
  hostile: string;
  close(): Promise<void>;
}

export async function startFixtureSites(port: number): Promise<FixtureSites> {
  const hits: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => void serve(req, res, hits);
  const servers = [createServer(handler), createServer(handler)];
  await Promise.all(servers.map((s, i) => listen(s, port, i === 0 ? '127.0.0.1' : '127.0.0.2')));
  return {
    merchant: `http://localhost:${port}`,
    hostile: `http://127.0.0.2:${port}`,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, hits: string[]): Promise<void> {
  const site = req.headers.host?.startsWith('127.0.0.2:') ? 'hostile' : 'merchant';
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (site === 'hostile') {
    // The log itself: what reached the attacker (read by specs from Node, never by the page under test).
    if (path === '/__hits') return send(res, 200, '.json', JSON.stringify(hits.splice(0)));
    hits.push(`${req.method} ${req.url} referer=${req.headers.referer ?? ''}`);
  }
  const file = normalize(join(ROOTS[site], path === '/' ? 'index.html' : path));
  if (!file.startsWith(ROOTS[site])) return send(res, 404, '.txt', 'not found');
  try {
    send(res, 200, extname(file), await readFile(file));
  } catch {
    send(res, 404, '.txt', 'not found');
  }
}

function send(res: ServerResponse, status: number, ext: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}
