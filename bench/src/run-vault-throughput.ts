// `pnpm --filter @tokenframe/bench bench:vault`: only the vault throughput part of `pnpm bench`
// (SQLite in-process/HTTP/two processes, then SQLite / PostgreSQL + Redis ×1 / ×2 alternating),
// merged into bench/results/latest.json under `vaultThroughput` (every other key kept as it was).
// BENCH_QUICK=1 does fewer repeats. Needs PostgreSQL and Redis (DATABASE_URL / REDIS_URL or the
// local defaults of ../shared/TOOLCHAIN.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopAllChildren } from './child-process';
import { measurePgThroughput } from './measure-pg-throughput';
import { measureThroughput } from './measure-throughput';
import { BENCH } from './paths';

const quick = process.env.BENCH_QUICK === '1';
const opts = { runs: quick ? 2 : 3, perRun: quick ? 400 : 800, warmup: quick ? 100 : 150, concurrency: 32, maxMsPerRun: 5_000 };
const pgOpts = {
  ...opts,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
};
try {
  const skipSqlite = process.env.BENCH_PG_ONLY === '1';
  const file = join(BENCH, 'results/latest.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const sqlite = skipSqlite ? (previous.vaultThroughput as object) : await measureThroughput(opts);
  const postgres = await measurePgThroughput(pgOpts);
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...previous, vaultThroughput: { ...sqlite, postgres } }, null, 2)}\n`);
  console.log(JSON.stringify(postgres.configurations, null, 2));
  console.log(
    `PostgreSQL + Redis / SQLite: ${postgres.ratioToSqlite} (budget ≥ 0.7); two processes / one: ${postgres.twoProcessRatio} (budget ≥ 1.5); failed: ${postgres.failed}`,
  );
  if (postgres.vaultErrors.length) console.log('vault errors:', postgres.vaultErrors.join('\n'));
} finally {
  await stopAllChildren();
}
