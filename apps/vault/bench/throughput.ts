/* eslint-disable no-console -- a benchmark reports its numbers on stdout */
/**
 * Tokenize throughput: the same pre-sealed POST /v1/tokens requests
 *   (a) over HTTP on loopback, server in a child process, a concurrent fetch loop here;
 *   (b) in-process through app.request() (no sockets, same handlers and storage);
 * each with group commit on and off. DESIGN.md budget: HTTP ≥ 60 % of in-process.
 * Each configuration runs `rounds` times, interleaved, and the median is reported: on a shared
 * machine one round alone says more about the neighbours than about the vault.
 * Run: pnpm exec tsx apps/vault/bench/throughput.ts [requests=2000] [concurrency=32] [rounds=3]
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import { runCli } from '../src/cli/run-cli';
import { loadVaultConfig } from '../src/config/vault-config';
import { createLogger } from '../src/log/create-logger';
import { buildVault } from '../src/server/build-vault';

const N = Number(process.argv[2] ?? 2000);
const C = Number(process.argv[3] ?? 32);
const ROUNDS = Number(process.argv[4] ?? 3);
const API = 'http://127.0.0.1:4999';
const FRAMES = 'http://127.0.0.1:4998';
const SHOP = 'http://localhost:5173';

const UNLIMITED = [
  'perKey',
  'perIp',
  'perSession',
  'perFingerprint',
  'perBin',
  'distinctCardsPerBin',
  'distinctCardsPerIp',
  'distinctCardsPerBinLast4',
];

type Send = (path: string, init: RequestInit) => Promise<Response>;

function benchEnv(groupCommit: boolean): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TOKENFRAME_DATA_DIR: mkdtempSync(join(tmpdir(), 'tf-bench-')),
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_API_URL: API,
    TOKENFRAME_FRAMES_URL: FRAMES,
    TOKENFRAME_SESSION_MAX_USES: String(N * 2),
    TOKENFRAME_GROUP_COMMIT: groupCommit ? '1' : '0',
    // One client, one card, thousands of requests: lift the card-testing limits (limits/limit-config.ts).
    TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: Object.fromEntries(UNLIMITED.map((n) => [n, [1e9, 60]])) }),
    LOG_LEVEL: 'warn',
  };
}

async function publishableKey(env: NodeJS.ProcessEnv): Promise<string> {
  let out = '';
  const code = await runCli(
    ['keys', 'create', '--account', 'bench', '--type', 'publishable', '--env', 'test', '--origin', SHOP, '--json'],
    { env, out: (s) => void (out += s), err: () => undefined },
  );
  if (code !== 0) throw new Error('keys create failed');
  return (JSON.parse(out) as { key: string }).key;
}

/** Session + N sealed JWEs, prepared before the clock starts: only the vault's work is timed. */
async function prepare(send: Send, pk: string): Promise<string[]> {
  const auth = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: FRAMES };
  const jwk = ((await (await send('/v1/jwks', {})).json()) as { keys: SealPublicJwk[] }).keys[0]!;
  const { sid } = (await (
    await send('/v1/sessions', { method: 'POST', headers: auth, body: JSON.stringify({ origin: SHOP }) })
  ).json()) as { sid: string };
  const claims = { pan: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', aud: API, pk, sid, origin: SHOP };
  return Promise.all(Array.from({ length: N }, () => sealJwe({ ...claims, iat: Math.floor(Date.now() / 1000), jti: randomUUID() }, jwk)));
}

async function run(send: Send, pk: string, jwes: string[]): Promise<number> {
  let next = 0;
  let failed = 0;
  let firstFailure = '';
  const worker = async () => {
    while (next < jwes.length) {
      const jwe = jwes[next++]!;
      const res = await send('/v1/tokens', {
        method: 'POST',
        headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), Origin: FRAMES },
        body: JSON.stringify({ jwe }),
      });
      const text = await res.text();
      if (res.status !== 201 && failed++ === 0) firstFailure = `${res.status} ${text}`;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: C }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failed) throw new Error(`${failed} requests failed, the first with ${firstFailure}`);
  return jwes.length / seconds;
}

async function inProcess(groupCommit: boolean): Promise<number> {
  const env = benchEnv(groupCommit);
  const logger = createLogger({ level: 'warn', destination: { write: () => undefined } });
  const vault = await buildVault(loadVaultConfig(env), { logger, urls: { apiUrl: API, framesUrl: FRAMES } });
  const { api } = vault;
  const send: Send = async (path, init) => api.request(path, init);
  const pk = await publishableKey(env);
  const jwes = await prepare(send, pk);
  const cpu = process.cpuUsage();
  const rate = await run(send, pk, jwes);
  const used = process.cpuUsage(cpu);
  console.error(`    in-process CPU: ${((used.user + used.system) / 1000 / jwes.length).toFixed(2)} ms per request`);
  await vault.close();
  rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
  return rate;
}

/**
 * A lean keep-alive client on node:http (autocannon-like): fetch/undici costs several times more
 * CPU per request, and on a 2-core machine that CPU is taken from the server being measured.
 */
function keepAliveClient(base: string): Send {
  const agent = new Agent({ keepAlive: true, maxSockets: C });
  return (path, init) =>
    new Promise((resolve, reject) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const req = request(`${base}${path}`, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      });
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${init.method ?? 'GET'} ${path} within 30 s`)));
      req.end(init.body as string | undefined);
    });
}

async function overHttp(groupCommit: boolean): Promise<number> {
  const env = benchEnv(groupCommit);
  const pk = await publishableKey(env);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  // Whatever happens in this round (a failed request, a timeout, Ctrl-C), the server child goes with it.
  const killChild = () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  process.once('exit', killChild);
  try {
    const lines = createInterface({ input: child.stdout! });
    const line = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      void exited.then(() => reject(new Error('bench/serve.ts exited before it listened')));
    });
    const base = (JSON.parse(line) as { api: string }).api;
    const send = keepAliveClient(base);
    const jwes = await prepare(send, pk);
    const jwesCount = jwes.length;
    const rate = await run(send, pk, jwes);
    const cpuLine = new Promise<string>((resolve) => lines.once('line', resolve));
    child.kill('SIGTERM');
    const { cpuMs, sql, tx, redis } = JSON.parse(await cpuLine) as { cpuMs: number; sql: number; tx: number; redis: number };
    const per = (n: number) => (n / jwesCount).toFixed(2);
    console.error(
      `    server over HTTP, per request (incl. preparation requests): ${per(cpuMs)} ms CPU, ${per(sql)} SQL statements, ${per(tx)} transactions, ${per(redis)} Redis round trips`,
    );
    await exited;
    return rate;
  } finally {
    killChild();
    process.removeListener('exit', killChild);
    await exited;
    rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
  }
}

if (process.env.BENCH_ONLY === 'in-process') {
  console.log(`in-process, group commit on: ${(await inProcess(true)).toFixed(0)} requests/s`);
  process.exit(0);
}
const samples: Record<string, number[]> = {};
const record = (k: string, v: number) => {
  console.error(`  round: ${k}: ${v.toFixed(0)} requests/s`);
  (samples[k] ??= []).push(v);
};
for (let r = 0; r < ROUNDS; r++) {
  for (const gc of [true, false]) {
    record(`in-process, group commit ${gc ? 'on' : 'off'}`, await inProcess(gc));
    record(`HTTP loopback, group commit ${gc ? 'on' : 'off'}`, await overHttp(gc));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
console.log(`tokenize throughput (${N} requests, concurrency ${C}, median of ${ROUNDS} rounds, requests/s):`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(36)} ${v.toFixed(0)}`);
const on = (k: string) => results[`${k}, group commit on`]!;
const off = (k: string) => results[`${k}, group commit off`]!;
console.log(`  HTTP / in-process (group commit on):  ${((on('HTTP loopback') / on('in-process')) * 100).toFixed(0)} %  (budget ≥ 60 %)`);
console.log(
  `  group commit speed-up: in-process ×${(on('in-process') / off('in-process')).toFixed(2)}, HTTP ×${(on('HTTP loopback') / off('HTTP loopback')).toFixed(2)}`,
);
