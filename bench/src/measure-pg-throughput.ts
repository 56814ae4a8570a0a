import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import { buildVault, createLogger, loadVaultConfig } from '@tokenframe/vault';
import { startTsChild, type Child } from './child-process';
import type { LoadResult, LoadSpec } from './load-generator';
import { median, round } from './stats';

/** Per tokenization, from the vault processes' own counters (apps/vault/bench/count-round-trips.ts). */
export interface PerToken {
  perSec: number;
  cpuMsPerToken: number;
  sqlStatementsPerToken: number;
  transactionsPerToken: number;
  redisRoundTripsPerToken: number;
}
/** `vaultThroughput.postgres` (DESIGN.md "Budgets"): PostgreSQL + Redis against SQLite, same run. */
export interface PgThroughput {
  httpPerSec: number;
  ratioToSqlite: number;
  twoProcessPerSec: number;
  twoProcessRatio: number;
  cpuMsPerToken: number;
  sqlStatementsPerToken: number;
  transactionsPerToken: number;
  redisRoundTripsPerToken: number;
  configurations: { sqlite: PerToken; postgresRedis: PerToken; postgresRedisTwoProcesses: PerToken };
  runs: { sqlite: number[]; postgresRedis: number[]; postgresRedisTwoProcesses: number[] };
  failed: number;
  statuses: Record<string, Record<string, number>>;
  vaultErrors: string[];
  method: string;
}
export interface PgThroughputOptions {
  runs: number;
  perRun: number;
  warmup: number;
  concurrency: number;
  maxMsPerRun: number;
  databaseUrl?: string;
  redisUrl?: string;
}

const PUBLIC_API = 'http://127.0.0.1:4992';
const PUBLIC_FRAMES = 'http://127.0.0.1:4993';
const SHOP = 'http://localhost:5992';
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

interface Snapshot {
  cpuMs: number;
  sql: number;
  tx: number;
  redis: number;
}
const ZERO: Snapshot = { cpuMs: 0, sql: 0, tx: 0, redis: 0 };
const add = (a: Snapshot, b: Snapshot, sign = 1): Snapshot => ({
  cpuMs: a.cpuMs + sign * b.cpuMs,
  sql: a.sql + sign * b.sql,
  tx: a.tx + sign * b.tx,
  redis: a.redis + sign * b.redis,
});

/** A fresh vault's key, session and `count` JWEs sealed to it (sealing is not timed), written to a file. */
async function prepare(env: NodeJS.ProcessEnv, dir: string, name: string, count: number): Promise<{ pk: string; jwesFile: string }> {
  const logger = createLogger({ destination: { write: () => undefined } });
  const vault = await buildVault(loadVaultConfig(env), { logger, urls: { apiUrl: PUBLIC_API, framesUrl: PUBLIC_FRAMES } });
  try {
    const created = await vault.keys.createKey({ account: 'bench', type: 'publishable', env: 'test', origins: [SHOP] });
    if (!created.ok) throw new Error(created.message);
    const pk = created.value.key;
    const headers = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: PUBLIC_FRAMES };
    const session = await vault.api.request('/v1/sessions', { method: 'POST', headers, body: JSON.stringify({ origin: SHOP }) });
    const { sid } = (await session.json()) as { sid: string };
    const jwk = ((await (await vault.api.request('/v1/jwks')).json()) as { keys: SealPublicJwk[] }).keys[0]!;
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
    const jwes: string[] = [];
    while (jwes.length < count) {
      const batch = Math.min(500, count - jwes.length);
      jwes.push(
        ...(await Promise.all(
          Array.from({ length: batch }, () => sealJwe({ ...claims, iat: Math.floor(Date.now() / 1000), jti: randomUUID() }, jwk)),
        )),
      );
    }
    const jwesFile = join(dir, `${name}-jwes.txt`);
    writeFileSync(jwesFile, jwes.join('\n'));
    return { pk, jwesFile };
  } finally {
    await vault.close();
  }
}

/**
 * POST /v1/tokens over HTTP (pre-sealed JWEs, a load generator in its own process) to: one vault
 * process on SQLite; one on PostgreSQL + Redis; two on the same PostgreSQL + Redis. The three
 * alternate round by round, so drift on a shared machine hits all of them. Each vault process
 * counts its CPU time, SQL statements, transactions and Redis round trips; the bench reads them
 * (SIGUSR2) before and after every timed run and divides by the tokens that run created.
 */
export async function measurePgThroughput(o: PgThroughputOptions): Promise<PgThroughput> {
  const databaseUrl = o.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = o.redisUrl ?? 'redis://127.0.0.1:6379';
  const tag = randomBytes(4).toString('hex');
  const schema = `bench_tp_${tag}`;
  const prefix = `tf-bench-${tag}:`;
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-pg-'));
  const common = {
    ...process.env,
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    TOKENFRAME_API_URL: PUBLIC_API,
    TOKENFRAME_FRAMES_URL: PUBLIC_FRAMES,
    TOKENFRAME_SESSION_MAX_USES: '100000000',
    // Every tokenize limit still runs, but none trips: the bench is one client sending one test card.
    TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: Object.fromEntries(LIMITS.map((n) => [n, [1_000_000_000, 60]])) }),
  };
  const sqliteEnv = { ...common, TOKENFRAME_DATA_DIR: join(dir, 'sqlite') };
  const pgEnv = {
    ...common,
    TOKENFRAME_DATA_DIR: join(dir, 'pg'),
    DATABASE_URL: databaseUrl,
    TOKENFRAME_PG_SCHEMA: schema,
    REDIS_URL: redisUrl,
    TOKENFRAME_REDIS_PREFIX: prefix,
  };
  const children: Child[] = [];
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const total = o.warmup + o.runs * o.perRun;
    const sqlite = await prepare(sqliteEnv, dir, 'sqlite', total);
    const postgres = await prepare(pgEnv, dir, 'postgres', 2 * total);
    const used = { sqlite: 0, postgres: 0 };

    const startVaultProcess = async (env: NodeJS.ProcessEnv): Promise<{ child: Child; api: string }> => {
      const child = startTsChild('./vault-process.ts', [], env, 30_000);
      children.push(child);
      return { child, api: (JSON.parse(await child.firstLine) as { api: string }).api };
    };
    const snapshot = async (cs: Child[]): Promise<Snapshot> => {
      const lines = cs.map((c) => c.nextLine(10_000));
      for (const c of cs) c.signal('SIGUSR2');
      return (await Promise.all(lines)).map((l) => JSON.parse(l) as Snapshot).reduce((a, b) => add(a, b), ZERO);
    };
    const load = async (
      vaults: { child: Child; api: string }[],
      which: 'sqlite' | 'postgres',
      count: number,
    ): Promise<LoadResult & { cost: Snapshot }> => {
      const { pk, jwesFile } = which === 'sqlite' ? sqlite : postgres;
      const spec: LoadSpec = {
        targets: vaults.map((v) => v.api),
        pk,
        framesOrigin: PUBLIC_FRAMES,
        jwesFile,
        from: used[which],
        count,
        concurrency: o.concurrency,
        maxMs: o.maxMsPerRun,
      };
      used[which] += count;
      const before = await snapshot(vaults.map((v) => v.child));
      const gen = startTsChild('./load-generator.ts', [JSON.stringify(spec)], process.env, o.maxMsPerRun + 30_000);
      try {
        const result = JSON.parse(await gen.firstLine) as LoadResult;
        return { ...result, cost: add(await snapshot(vaults.map((v) => v.child)), before, -1) };
      } finally {
        await gen.stop();
      }
    };

    const s = await startVaultProcess(sqliteEnv);
    const a = await startVaultProcess(pgEnv);
    const b = await startVaultProcess(pgEnv);
    type Mode = 'sqlite' | 'postgresRedis' | 'postgresRedisTwoProcesses';
    const modes: [Mode, { child: Child; api: string }[], 'sqlite' | 'postgres'][] = [
      ['sqlite', [s], 'sqlite'],
      ['postgresRedis', [a], 'postgres'],
      ['postgresRedisTwoProcesses', [a, b], 'postgres'],
    ];
    const runs: Record<Mode, number[]> = { sqlite: [], postgresRedis: [], postgresRedisTwoProcesses: [] };
    const cost: Record<Mode, { ok: number; spent: Snapshot }> = {
      sqlite: { ok: 0, spent: ZERO },
      postgresRedis: { ok: 0, spent: ZERO },
      postgresRedisTwoProcesses: { ok: 0, spent: ZERO },
    };
    const statuses: Record<string, Record<string, number>> = { sqlite: {}, postgresRedis: {}, postgresRedisTwoProcesses: {} };
    let failed = 0;
    for (const [, vaults, which] of modes) await load(vaults, which, Math.ceil(o.warmup / (which === 'postgres' ? 2 : 1)));
    for (let i = 0; i < o.runs; i++) {
      for (const [mode, vaults, which] of modes) {
        const r = await load(vaults, which, o.perRun);
        runs[mode].push(r.perSec);
        failed += r.failed;
        cost[mode].ok += r.ok;
        cost[mode].spent = add(cost[mode].spent, r.cost);
        for (const [k, n] of Object.entries(r.statuses)) statuses[mode]![k] = (statuses[mode]![k] ?? 0) + n;
      }
    }
    const perToken = (mode: Mode): PerToken => {
      const { ok, spent } = cost[mode];
      const per = (n: number) => round(n / Math.max(1, ok), 2);
      return {
        perSec: round(median(runs[mode]), 0),
        cpuMsPerToken: per(spent.cpuMs),
        sqlStatementsPerToken: per(spent.sql),
        transactionsPerToken: per(spent.tx),
        redisRoundTripsPerToken: per(spent.redis),
      };
    };
    const configurations = {
      sqlite: perToken('sqlite'),
      postgresRedis: perToken('postgresRedis'),
      postgresRedisTwoProcesses: perToken('postgresRedisTwoProcesses'),
    };
    const one = configurations.postgresRedis;
    const vaultErrors = children.map((c) => c.stderrTail().split('\n').filter(Boolean).slice(-2).join('\n')).filter(Boolean);
    return {
      httpPerSec: one.perSec,
      ratioToSqlite: round(one.perSec / configurations.sqlite.perSec, 2),
      twoProcessPerSec: configurations.postgresRedisTwoProcesses.perSec,
      twoProcessRatio: round(configurations.postgresRedisTwoProcesses.perSec / one.perSec, 2),
      cpuMsPerToken: one.cpuMsPerToken,
      sqlStatementsPerToken: one.sqlStatementsPerToken,
      transactionsPerToken: one.transactionsPerToken,
      redisRoundTripsPerToken: one.redisRoundTripsPerToken,
      configurations,
      runs: {
        sqlite: runs.sqlite.map((n) => round(n, 0)),
        postgresRedis: runs.postgresRedis.map((n) => round(n, 0)),
        postgresRedisTwoProcesses: runs.postgresRedisTwoProcesses.map((n) => round(n, 0)),
      },
      failed,
      statuses,
      vaultErrors,
      method:
        `${o.runs} rounds, each: SQLite (1 process), PostgreSQL + Redis (1 process), PostgreSQL + Redis (2 processes, one database schema and Redis prefix), ` +
        `≤${o.perRun} pre-sealed POST /v1/tokens per run (≤${o.maxMsPerRun / 1000} s), ${o.concurrency} concurrent from a node:http keep-alive load generator in another process; ` +
        'tokens/s = medians; per-token CPU and round trips = totals over the timed runs / tokens created, counted inside the vault processes ' +
        '(SQL statements include BEGIN/COMMIT; a statement outside BEGIN is its own transaction; a Redis pipeline or script call is one round trip)',
    };
  } finally {
    for (const c of children) await c.stop();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      for (let cursor = '0'; ;) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        if ((cursor = next) === '0') break;
      }
    } catch {
      // Redis gone: the keys expire on their own (limit windows, jti, CVC slots all carry a TTL)
    } finally {
      redis.disconnect();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
