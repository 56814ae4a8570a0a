// Three sites for the frame specs, started in-process: the merchant page (localhost), the frames origin
// serving apps/frame's build with the production CSP and injected <meta> config (127.0.0.1), and a
// stand-in vault API speaking the vault's HTTP contract, opening JWEs with jose as the oracle.
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
// The vault's own CSP and config injection, so "styles apply under the CSP" tests the production headers.
import { frameCsp, injectConfig } from '../../apps/vault/src/frames/frame-document';
import { inlineHashes } from '../../apps/vault/src/frames/inline-hashes';

export const PAGE = 'http://localhost:4411';
export const FRAMES = 'http://127.0.0.1:4412';
export const API = 'http://127.0.0.1:4413';
const DIST = fileURLToPath(new URL('../../apps/frame/dist/frames/v1/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface ApiLog {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  claims?: Record<string, unknown>;
}

export async function startSites(): Promise<{ apiLog: ApiLog[]; close(): Promise<void> }> {
  if (!existsSync(join(DIST, 'field.html'))) throw new Error('Build the frames first: pnpm --filter @tokenframe/frame build');
  const key = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'kid-1', use: 'enc' };
  const apiLog: ApiLog[] = [];

  const page = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(fileURLToPath(new URL('page.html', import.meta.url))));
    void req;
  });
  const frames = createServer((req, res) => serveFrame(req, res));
  const api = createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': FRAMES,
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-allow-methods': 'GET, POST',
      'content-type': 'application/json',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const body = await new Promise<string>((r) => {
      let s = '';
      req.on('data', (c) => (s += c)).on('end', () => r(s));
    });
    const entry: ApiLog = { method: req.method ?? '', path: req.url ?? '', headers: req.headers };
    apiLog.push(entry);
    const send = (status: number, json: unknown) => res.writeHead(status, cors).end(JSON.stringify(json));
    if (req.url === '/v1/jwks') return send(200, { keys: [jwk] });
    if (req.url === '/v1/sessions') return send(201, { sid: 'sess_1', expiresAt: Date.now() + 600_000, serverTime: Date.now() });
    if (req.url === '/v1/tokens') {
      const { plaintext } = await compactDecrypt((JSON.parse(body) as { jwe: string }).jwe, key.privateKey);
      const claims = JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>;
      entry.claims = claims;
      const pan = String(claims['pan']);
      return send(201, {
        id: 'tok_e2e1',
        card: { brand: 'visa', last4: pan.slice(-4), expMonth: claims['expMonth'], expYear: claims['expYear'] },
        expiresAt: Date.now() + 60_000,
        livemode: false,
      });
    }
    send(404, {});
  });
  await Promise.all([listen(page, 4411, 'localhost'), listen(frames, 4412, '127.0.0.1'), listen(api, 4413, '127.0.0.1')]);
  return { apiLog, close: async () => void (await Promise.all([page, frames, api].map((s) => new Promise((r) => s.close(r))))) };
}

/**
 * The vault's frame serving, reduced to what the frames need: its CSP (with the hashes of the
 * document's inline blocks), no-store, its injected config, card.html for a `card` field.
 */
function serveFrame(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', FRAMES);
  const path = url.pathname === '/frames/v1/field.html' && url.searchParams.get('type') === 'card' ? '/frames/v1/card.html' : url.pathname;
  const rel = normalize(path.replace(/^\/frames\/v1\//, ''));
  const file = join(DIST, rel);
  if (!url.pathname.startsWith('/frames/v1/') || rel.startsWith('..') || !existsSync(file)) return void res.writeHead(404).end();
  const origin = url.searchParams.get('origin') ?? 'null';
  let body: string | Buffer = readFileSync(file);
  let csp = frameCsp(origin, API, []);
  if (extname(file) === '.html') {
    csp = frameCsp(origin, API, [], inlineHashes(body.toString()));
    body = injectConfig(body.toString(), API, []);
  }
  res
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'cache-control': 'no-store',
    })
    .end(body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve) => server.listen(port, host, resolve));
}
