import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { buildVault, createLogger, loadVaultConfig, type Vault } from '@tokenframe/vault';

export interface BenchStack {
  apiUrl: string;
  framesUrl: string;
  /** The merchant page: http://localhost:<port>/ (another site than the frames, as in production). */
  pageUrl: string;
  pk: string;
  /** Serves `/bench/floor/<name>.html` on the frames origin: a blank static document of exactly `bytes` bytes. */
  setFloorDocument(name: string, bytes: number): string;
  stop(): Promise<void>;
}

const TOKENIZE_LIMITS = [
  'perKey',
  'perIp',
  'perSession',
  'perFingerprint',
  'perBin',
  'distinctCardsPerBin',
  'distinctCardsPerIp',
  'distinctCardsPerBinLast4',
];

function listen(host: string, fetch: (req: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: host }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
const urlOf = (s: Server, host: string) => `http://${host}:${(s.address() as AddressInfo).port}`;

/** A blank HTML document padded with a comment to exactly `bytes` bytes (ASCII). */
function floorDocument(bytes: number): string {
  const head = '<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><!--';
  const tail = '--></body></html>';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

/**
 * The vault (API + frames, wired exactly like `pnpm vault start`, fresh data folder) in this
 * process on ephemeral loopback ports, plus a merchant page on localhost. The frames listener also
 * serves the floor documents, so floor and frames come from the same server in the same run.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-stack-'));
  const env = {
    ...process.env,
    TOKENFRAME_DATA_DIR: dir,
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_SESSION_MAX_USES: '100000',
    TOKENFRAME_SESSION_RATE_PER_MINUTE: '100000',
    TOKENFRAME_FRAME_LOOKUPS_PER_MINUTE: '100000',
    TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: Object.fromEntries(TOKENIZE_LIMITS.map((n) => [n, [1_000_000_000, 60]])) }),
  };
  const logger = createLogger({ destination: { write: () => undefined } });
  const floors = new Map<string, string>();
  // The apps need the listeners' URLs, and the listeners need the apps: bound once both exist.
  const ref: { apps?: Vault } = {};
  const notYet = () => new Response('starting', { status: 503 });
  const apiServer = await listen('127.0.0.1', (req) => (ref.apps ? ref.apps.api.fetch(req) : notYet()));
  const framesServer = await listen('127.0.0.1', (req) => {
    const floor = floors.get(new URL(req.url).pathname);
    if (floor !== undefined)
      return new Response(floor, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
    return ref.apps ? ref.apps.frames.fetch(req) : notYet();
  });
  const apiUrl = urlOf(apiServer, '127.0.0.1');
  const framesUrl = urlOf(framesServer, '127.0.0.1');
  const vault = await buildVault(loadVaultConfig(env), { logger, urls: { apiUrl, framesUrl } });
  ref.apps = vault;

  let page = '';
  const pageServer = await listen(
    '127.0.0.1',
    () => new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } }),
  );
  const pageUrl = `${urlOf(pageServer, 'localhost')}/`;
  page = `<!doctype html><html><head><meta charset="utf-8"><title>bench shop</title><script src="${apiUrl}/v1/tokenframe.js"></script></head>
<body><div id="n"></div><div id="e"></div><div id="c"></div><div id="floor"></div><input id="plain" aria-label="plain"></body></html>`;

  const created = await vault.keys.createKey({ account: 'bench', type: 'publishable', env: 'test', origins: [new URL(pageUrl).origin] });
  if (!created.ok) throw new Error(created.message);

  return {
    apiUrl,
    framesUrl,
    pageUrl,
    pk: created.value.key,
    setFloorDocument(name, bytes) {
      const path = `/bench/floor/${name}.html`;
      floors.set(path, floorDocument(bytes));
      return `${framesUrl}${path}`;
    },
    async stop() {
      for (const s of [pageServer, framesServer, apiServer]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
      await vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
