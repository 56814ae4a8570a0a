// Shared setup of the charge and webhook benches: a vault in this process with its API on an
// ephemeral loopback port (startVault, as `pnpm vault start` wires it), a fresh data folder (or a
// fresh PostgreSQL schema), keys, and pre-sealed tokenize requests. Setup is never timed.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import { loadVaultConfig } from '../src/config/vault-config';
import { createLogger } from '../src/log/create-logger';
import { startVault, type RunningVault } from '../src/server/start-vault';

export const SHOP = 'http://localhost:5990';
const LIMITS = [
  'perKey',
  'perIp',
  'perSession',
  'perFingerprint',
  'perBin',
  'distinctCardsPerBin',
  'distinctCardsPerIp',
  'distinctCardsPerBinLast4',
];
export const PG_URL = process.env.TOKENFRAME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchVault {
  running: RunningVault;
  /** The bound API address, e.g. http://127.0.0.1:40123. */
  api: string;
  pk: string;
  /** A secret key with every scope the benches use. */
  sk: string;
  /** `n` sealed JWEs of the test card for POST /v1/tokens (one session). */
  sealed(n: number, pan?: string): Promise<string[]>;
  /** POST /v1/tokens in-process (app.request); the token id. */
  tokenize(jwe: string): Promise<string>;
  close(): Promise<void>;
}

export interface BenchVaultOptions {
  backend: 'sqlite' | 'postgres';
  env?: Record<string, string>;
  webhookWorker?: boolean;
}

/** A vault whose card-testing limits never trip (one client, one card, many requests). */
export async function startBenchVault(o: BenchVaultOptions): Promise<BenchVault> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-spend-'));
  const schema = o.backend === 'postgres' ? `tf_bench_${randomBytes(6).toString('hex')}` : undefined;
  if (schema) await pgQuery(`CREATE SCHEMA ${schema}`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    FRAMES_PORT: '0',
    TOKENFRAME_DATA_DIR: dir,
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1',
    TOKENFRAME_SESSION_MAX_USES: '100000000',
    TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: Object.fromEntries(LIMITS.map((n) => [n, [1_000_000_000, 60]])) }),
    ...(schema ? { DATABASE_URL: PG_URL, TOKENFRAME_PG_SCHEMA: schema } : { DATABASE_URL: undefined }),
    ...o.env,
  };
  const logger = createLogger({
    level: 'warn',
    destination: { write: (line: string) => void (/"level":(5|6)0/.test(line) && process.stderr.write(line)) },
  });
  let running: RunningVault | undefined;
  const cleanup = async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (schema) await pgQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  };
  try {
    running = await startVault(loadVaultConfig(env), { logger });
    if (o.webhookWorker === false) await running.vault.webhookWorker.stop(0);
    const vault = running.vault;
    const api = running.api;
    const pkMade = await vault.keys.createKey({ account: 'bench', type: 'publishable', env: 'test', origins: [SHOP] });
    const skMade = await vault.keys.createKey({
      account: 'bench',
      type: 'secret',
      env: 'test',
      scopes: ['charges:read', 'charges:write', 'tokens:read', 'webhooks:read', 'webhooks:write', 'events:read'],
    });
    if (!pkMade.ok) throw new Error(pkMade.message);
    if (!skMade.ok) throw new Error(skMade.message);
    const pk = pkMade.value.key;
    const frames = running.framesUrl;
    const headers = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: frames };
    const jwk = ((await (await api.request('/v1/jwks')).json()) as { keys: SealPublicJwk[] }).keys[0]!;
    const r = running;
    return {
      running: r,
      api: r.listening.api,
      pk,
      sk: skMade.value.key,
      async sealed(n, pan = '4242424242424242') {
        const { sid } = (await (
          await api.request('/v1/sessions', { method: 'POST', headers, body: JSON.stringify({ origin: SHOP }) })
        ).json()) as { sid: string };
        const claims = { pan, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123', aud: r.apiUrl, pk, sid, origin: SHOP };
        return Promise.all(
          Array.from({ length: n }, () => sealJwe({ ...claims, iat: Math.floor(Date.now() / 1000), jti: randomUUID() }, jwk)),
        );
      },
      async tokenize(jwe) {
        const res = await api.request('/v1/tokens', {
          method: 'POST',
          headers: { ...headers, 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ jwe }),
        });
        const text = await res.text();
        if (res.status !== 201) throw new Error(`tokenize: ${res.status} ${text}`);
        return (JSON.parse(text) as { id: string }).id;
      },
      close: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function pgQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface HttpAnswer {
  status: number;
  body: string;
}
export type Send = (url: string, method: string, headers: Record<string, string>, body?: string) => Promise<HttpAnswer>;

/** A lean node:http keep-alive client (the same one for a measurement and its floor). */
export function keepAliveClient(): { send: Send; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send: Send = (url, method, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request(
        url,
        { method, headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) }, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${method} ${url} within 30 s`)));
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}
