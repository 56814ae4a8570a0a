/* eslint-disable no-console -- a benchmark reports its numbers on stdout */
// The charge and webhook budgets of DESIGN.md, on their own (`pnpm bench` runs them too):
//   pnpm --filter @tokenframe/vault exec tsx bench/spend.ts [--write]
// Prints `charge {ms, floorMs, ratio}` and `webhooks {p50Ms, p95Ms, perSec}` (SQLite, and PostgreSQL
// under webhooks.postgres); --write merges them into bench/results/latest.json (other keys kept).
// BENCH_QUICK=1 does fewer repeats.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureSpend } from './measure-spend';

const quick = process.env.BENCH_QUICK === '1';
const result = await measureSpend({ quick, postgres: process.env.BENCH_SKIP_PG !== '1' });
console.log(JSON.stringify(result, null, 2));
if (process.argv.includes('--write')) {
  const file = fileURLToPath(new URL('../../../bench/results/latest.json', import.meta.url));
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...result }, null, 2)}\n`);
  console.log(`merged charge and webhooks into ${file}`);
}
