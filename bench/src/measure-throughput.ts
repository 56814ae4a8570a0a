import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import { buildVault, createLogger, loadVaultConfig } from '@tokenframe/vault';
import { startTsChild, type Child } from './child-process';
import type { LoadResult, LoadSpec } from './load-generator';
import { median, round } from './stats';

export interface Throughput {
  httpPerSec: number;
  inProcessPerSec: number;
  ratio: number;
  twoProcessPerSec: number;
  runs: { inProcess: number[]; http: number[]; twoProcess: number[] };
  failed: number;
  /** HTTP statuses of every timed request (all 201 when the run is valid). */
  statuses: Record<string, Record<string, number>>;
  vaultErrors: string[];
  storage: string;
  method: string;
}
export interface ThroughputOptions {
  runs: number;
  perRun: number;
  warmup: number;
  concurrency: number;
  maxMsPerRun: number;
}

// The public origins every vault process is configured with (the JWE audience and the CORS origin);
// the listeners themselves bind ephemeral loopback ports, as behind a load balancer.
const PUBLIC_API = 'http://127.0.0.1:4990';
const PUBLIC_FRAMES = 'http://127.0.0.1:4991';
const SHOP = 'http://localhost:5990';
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

/**
 * POST /v1/tokens throughput with pre-sealed JWEs (sealing is not timed): in-process through
 * app.request(), over HTTP from a load generator in another process to one vault process, and to two
 * vault processes sharing one SQLite database (WAL). In-process and HTTP rounds alternate so drift
 * on a shared machine hits both.
 */
export async function measureThroughput(o: ThroughputOptions): Promise<Throughput> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-tp-'));
  const env = {
    ...process.env,
    TOKENFRAME_DATA_DIR: dir,
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_API_URL: PUBLIC_API,
    TOKENFRAME_FRAMES_URL: PUBLIC_FRAMES,
    TOKENFRAME_SESSION_MAX_USES: '100000000',
    // Every tokenize limit still runs, but none trips: the bench is one client sending one test card.
    TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: Object.fromEntries(LIMITS.map((n) => [n, [1_000_000_000, 60]])) }),
  };
  const logger = createLogger({ destination: { write: () => undefined } });
  const vault = await buildVault(loadVaultConfig(env), { logger, urls: { apiUrl: PUBLIC_API, framesUrl: PUBLIC_FRAMES } });
  const children: Child[] = [];
  try {
    const apps = vault;
    const created = await vault.keys.createKey({ account: 'bench', type: 'publishable', env: 'test', origins: [SHOP] });
    if (!created.ok) throw new Error(created.message);
    const pk = created.value.key;
    const headers = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: PUBLIC_FRAMES };
    const session = await apps.api.request('/v1/sessions', { method: 'POST', headers, body: JSON.stringify({ origin: SHOP }) });
    const { sid } = (await session.json()) as { sid: string };
    const jwk = ((await (await apps.api.request('/v1/jwks')).json()) as { keys: SealPublicJwk[] }).keys[0]!;

    const total = 3 * o.warmup + 3 * o.runs * o.perRun;
    const jwes: string[] = [];
    const claims = {
      pan: '4242424242424242',
      expMonth: 12,
      expYear: new Date().getUTCFullYear() + 3,
      cvc: '123',
      aud: PUBLIC_API,
      pk,
      sid,
      origin: SHOP,
    };
    while (jwes.length < total) {
      const batch = Math.min(500, total - jwes.length);
      jwes.push(
        ...(await Promise.all(
          Array.from({ length: batch }, () => sealJwe({ ...claims, iat: Math.floor(Date.now() / 1000), jti: randomUUID() }, jwk)),
        )),
      );
    }
    const jwesFile = join(dir, 'jwes.txt');
    writeFileSync(jwesFile, jwes.join('\n'));
    let used = 0;
    const take = (n: number) => ((used += n), used - n);

    const inProcess = async (count: number): Promise<LoadResult> => {
      const mine = jwes.slice(take(count), used);
      let next = 0;
      let ok = 0;
      const statuses: Record<string, number> = {};
      const start = performance.now();
      const deadline = start + o.maxMsPerRun;
      const worker = async () => {
        while (next < mine.length && performance.now() < deadline) {
          const res = await apps.api.request('/v1/tokens', {
            method: 'POST',
            headers: { ...headers, 'Idempotency-Key': randomUUID() },
            body: JSON.stringify({ jwe: mine[next++] }),
          });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 201) ok++;
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
      const elapsedMs = performance.now() - start;
      return { ok, failed: next - ok, statuses, elapsedMs, perSec: (ok / elapsedMs) * 1000 };
    };
    const overHttp = async (targets: string[], count: number): Promise<LoadResult> => {
      const spec: LoadSpec = {
        targets,
        pk,
        framesOrigin: PUBLIC_FRAMES,
        jwesFile,
        from: take(count),
        count,
        concurrency: o.concurrency,
        maxMs: o.maxMsPerRun,
      };
      const gen = startTsChild('./load-generator.ts', [JSON.stringify(spec)], process.env, o.maxMsPerRun + 30_000);
      try {
        return JSON.parse(await gen.firstLine) as LoadResult;
      } finally {
        await gen.stop();
      }
    };
    const startVaultProcess = async () => {
      const c = startTsChild('./vault-process.ts', [], env, 30_000);
      children.push(c);
      return (JSON.parse(await c.firstLine) as { api: string }).api;
    };

    const a = await startVaultProcess();
    const runs = { inProcess: [] as number[], http: [] as number[], twoProcess: [] as number[] };
    let failed = 0;
    const statuses: Record<string, Record<string, number>> = { inProcess: {}, http: {}, twoProcess: {} };
    const keep = (mode: keyof typeof runs, r: LoadResult) => {
      runs[mode].push(r.perSec);
      failed += r.failed;
      for (const [k, n] of Object.entries(r.statuses)) statuses[mode]![k] = (statuses[mode]![k] ?? 0) + n;
    };
    await inProcess(o.warmup);
    await overHttp([a], o.warmup);
    for (let i = 0; i < o.runs; i++) {
      keep('inProcess', await inProcess(o.perRun));
      keep('http', await overHttp([a], o.perRun));
    }
    const b = await startVaultProcess();
    await overHttp([a, b], o.warmup);
    for (let i = 0; i < o.runs; i++) keep('twoProcess', await overHttp([a, b], o.perRun));

    // Why requests failed, from the vault processes' error logs (no card data is ever logged).
    const vaultErrors = children.map((c) => c.stderrTail().split('\n').filter(Boolean).slice(-2).join('\n')).filter(Boolean);
    const httpPerSec = median(runs.http);
    const inProcessPerSec = median(runs.inProcess);
    return {
      httpPerSec: round(httpPerSec, 0),
      inProcessPerSec: round(inProcessPerSec, 0),
      ratio: round(httpPerSec / inProcessPerSec, 2),
      twoProcessPerSec: round(median(runs.twoProcess), 0),
      runs: {
        inProcess: runs.inProcess.map((n) => round(n, 0)),
        http: runs.http.map((n) => round(n, 0)),
        twoProcess: runs.twoProcess.map((n) => round(n, 0)),
      },
      failed,
      statuses,
      vaultErrors,
      storage:
        'SQLite (one file, WAL, group commit) shared by both vault processes; the PostgreSQL store (DATABASE_URL) is not measured here',
      method: `${o.runs} alternating runs of ≤${o.perRun} pre-sealed POST /v1/tokens each (≤${o.maxMsPerRun / 1000} s), ${o.concurrency} concurrent; HTTP from a node:http keep-alive load generator in another process on loopback; medians`,
    };
  } finally {
    for (const c of children) await c.stop();
    await vault.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
