// `pnpm bench`: builds what it needs, measures sizes, peers, the browser timings and the vault's
// throughput (warm-up + repeated runs, medians, floors taken in the same run), prints a table and
// writes bench/results/latest.json and latest.svg. BENCH_QUICK=1 does fewer repeats.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale } from '../../scripts/lib/build-if-stale.mjs';
import { startBenchStack } from './bench-stack';
import { BUDGETS, check, type BudgetCheck } from './budgets';
import { measureBrowser } from './measure-browser';
import { frameBreakdown } from './measure-frame-breakdown';
import { measureFrameDocument } from './measure-frame-sizes';
import { measurePeers } from './measure-peers';
import { measureSdkSizes } from './measure-sdk-sizes';
import { measurePgThroughput, type PgThroughput } from './measure-pg-throughput';
import { measureThroughput } from './measure-throughput';
import { measureSpend } from '../../apps/vault/bench/measure-spend';
import { BENCH } from './paths';
import { chartSvg } from './write-chart';

const quick = process.env.BENCH_QUICK === '1';
const started = performance.now();
const step = (what: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${what}`);

step('building the SDK and frame documents if stale');
buildIfStale({ quiet: true });

step('SDK sizes');
const sdk = await measureSdkSizes();
step('peer bundles (Vite, minified)');
const peers = await measurePeers();

step('browser: mount, keystroke, tokenize (Chromium)');
const stack = await startBenchStack();
let frames;
let browser;
try {
  frames = { field: await measureFrameDocument(stack, 'field'), controller: await measureFrameDocument(stack, 'controller') };
  browser = await measureBrowser(stack, {
    warmup: quick ? 1 : 2,
    runs: quick ? 3 : 15,
    keystrokes: quick ? 10 : 30,
    fieldBytes: frames.field.rawBytes,
    controllerBytes: frames.controller.rawBytes,
  });
} finally {
  await stack.stop();
}

step('vault throughput (in-process, HTTP, two processes)');
const sqliteThroughput = await measureThroughput({
  runs: quick ? 2 : 3,
  perRun: quick ? 400 : 800,
  warmup: quick ? 100 : 150,
  concurrency: 32,
  maxMsPerRun: 5_000,
});
step('vault throughput: SQLite / PostgreSQL + Redis ×1 / ×2, alternating');
const vaultThroughput = {
  ...sqliteThroughput,
  postgres: await measurePgThroughput({
    runs: quick ? 2 : 3,
    perRun: quick ? 400 : 800,
    warmup: quick ? 100 : 150,
    concurrency: 32,
    maxMsPerRun: 5_000,
  }),
};
step('charge latency against its floor; webhook delivery (SQLite, PostgreSQL)');
const spend = await measureSpend({ quick, postgres: true });

const checks: BudgetCheck[] = [
  check('SDK core (page), min+gzip', sdk.sdkCoreGzipBytes, BUDGETS.sdkCoreGzipBytes, true, 'bytes'),
  check('field frame document, gzip', frames.field.gzipBytes, BUDGETS.frameDocumentGzipBytes, true, 'bytes'),
  check('mount → ready / floor', browser.mountReady.ratio, BUDGETS.mountReadyRatio, true, 'ratio'),
  check('tokenize / floor', browser.tokenize.ratio, BUDGETS.tokenizeRatio, true, 'ratio'),
  check('vault HTTP / in-process', vaultThroughput.ratio, BUDGETS.vaultThroughputRatio, false, 'ratio'),
  check('vault PostgreSQL + Redis / SQLite', vaultThroughput.postgres.ratioToSqlite, BUDGETS.pgToSqliteRatio, false, 'ratio'),
  check(
    'vault two processes / one (PostgreSQL + Redis)',
    vaultThroughput.postgres.twoProcessRatio,
    BUDGETS.twoProcessRatio,
    false,
    'ratio',
  ),
];
checks.push(
  check('charge / floor', spend.charge.ratio, BUDGETS.chargeRatio, true, 'ratio'),
  check('webhook commit → receiver p50 (ms)', spend.webhooks.p50Ms, BUDGETS.webhookP50Ms, true, 'ratio'),
  check('webhook deliveries/s', spend.webhooks.perSec, BUDGETS.webhookPerSec, false, 'ratio'),
);
const missed = checks.filter((c) => !c.met);
step('breakdowns of missed size budgets');
const breakdowns: Record<string, unknown> = {};
if (!checks[0]!.met) breakdowns.sdkCore = sdk.coreModules;
if (!checks[1]!.met) breakdowns.fieldDocument = { files: frames.field.files, modules: await frameBreakdown('field') };
if (!checks[2]!.met) breakdowns.mountReady = browser.mountReady.breakdown;

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: (await import('node:os')).cpus().length,
    node: process.version,
    loadAverage: (await import('node:os')).loadavg().map((n) => Math.round(n * 10) / 10),
  },
  sdkCoreGzipBytes: sdk.sdkCoreGzipBytes,
  sdkElementsGzipBytes: sdk.sdkElementsGzipBytes,
  frameDocumentGzipBytes: frames.field.gzipBytes,
  controllerDocumentGzipBytes: frames.controller.gzipBytes,
  mountReady: browser.mountReady,
  keystrokeToChange: browser.keystrokeToChange,
  tokenize: browser.tokenize,
  vaultThroughput,
  ...spend,
  peers,
  budgets: checks,
  breakdowns,
  methods: {
    sizes: `${sdk.method}; frame documents = HTML as served by the frames origin + every script/stylesheet it references, each gzip -9; peers = a tiny entry per peer in bench/peers/ bundled by Vite (production, minified, in memory), all emitted JS+CSS, gzip -9`,
    frameFiles: { field: frames.field.files, controller: frames.controller.files },
  },
};

mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
const peerBytes = (k: string) => {
  const p = peers[k];
  return p && 'gzipBytes' in p ? p.gzipBytes : undefined;
};
writeFileSync(
  join(BENCH, 'results/latest.svg'),
  chartSvg({
    sizes: [
      { label: 'Tokenframe SDK core', bytes: sdk.sdkCoreGzipBytes, ours: true },
      { label: 'Stripe loader (+ Stripe.js from CDN)', bytes: peerBytes('stripe'), ours: false },
      { label: 'Basis Theory web-elements', bytes: peerBytes('basisTheory'), ours: false },
      { label: 'Braintree client + hosted-fields', bytes: peerBytes('braintree'), ours: false },
      { label: 'Adyen CustomCard (+ CSS)', bytes: peerBytes('adyen'), ours: false },
    ],
    sizeBudget: { label: 'budget', bytes: BUDGETS.sdkCoreGzipBytes },
    ratios: [
      { label: 'mount → ready / floor', value: browser.mountReady.ratio, budget: BUDGETS.mountReadyRatio, atMost: true },
      { label: 'tokenize / floor', value: browser.tokenize.ratio, budget: BUDGETS.tokenizeRatio, atMost: true },
      { label: 'vault HTTP / in-process', value: vaultThroughput.ratio, budget: BUDGETS.vaultThroughputRatio, atMost: false },
      { label: 'vault PG + Redis / SQLite', value: vaultThroughput.postgres.ratioToSqlite, budget: BUDGETS.pgToSqliteRatio, atMost: false },
      {
        label: 'vault two processes / one',
        value: vaultThroughput.postgres.twoProcessRatio,
        budget: BUDGETS.twoProcessRatio,
        atMost: false,
      },
      { label: 'field document / 20 kB', value: frames.field.gzipBytes / BUDGETS.frameDocumentGzipBytes, budget: 1, atMost: true },
    ],
  }),
);

function pgDetail(p: PgThroughput): string {
  return `${p.ratioToSqlite} of SQLite, two processes ${p.twoProcessPerSec} (×${p.twoProcessRatio}); per token ${p.cpuMsPerToken} ms CPU, ${p.sqlStatementsPerToken} SQL, ${p.transactionsPerToken} tx, ${p.redisRoundTripsPerToken} Redis`;
}
const kb = (b: number | undefined) => (b === undefined ? 'error' : `${(b / 1000).toFixed(1)} kB`);
console.log('\nTokenframe bench (medians; ratios within this run)\n');
console.table({
  'SDK core (page)': { value: kb(sdk.sdkCoreGzipBytes), detail: 'min+gzip, dist/tokenframe.js' },
  'SDK elements entry': { value: kb(sdk.sdkElementsGzipBytes), detail: 'own code over the core' },
  'field document': { value: kb(frames.field.gzipBytes), detail: 'HTML+JS+CSS gzip as served' },
  'controller document': { value: kb(frames.controller.gzipBytes), detail: 'HTML+JS gzip as served' },
  'mount → ready': {
    value: `${browser.mountReady.ms} ms`,
    detail: `floor ${browser.mountReady.floorMs} ms, ratio ${browser.mountReady.ratio}`,
  },
  'keystroke → change': {
    value: `p50 ${browser.keystrokeToChange.p50Ms} ms`,
    detail: `p95 ${browser.keystrokeToChange.p95Ms} ms, plain input p50 ${browser.keystrokeToChange.floorP50Ms} ms`,
  },
  tokenize: { value: `${browser.tokenize.ms} ms`, detail: `floor ${browser.tokenize.floorMs} ms, ratio ${browser.tokenize.ratio}` },
  charge: { value: `${spend.charge.ms} ms`, detail: `floor ${spend.charge.floorMs} ms, ratio ${spend.charge.ratio}` },
  webhooks: {
    value: `p50 ${spend.webhooks.p50Ms} ms`,
    detail: `p95 ${spend.webhooks.p95Ms} ms, ${spend.webhooks.perSec}/s; PostgreSQL p50 ${spend.webhooks.postgres?.p50Ms} ms, ${spend.webhooks.postgres?.perSec}/s`,
  },
  'vault tokenize/s': {
    value: `${vaultThroughput.httpPerSec} HTTP`,
    detail: `in-process ${vaultThroughput.inProcessPerSec}, ratio ${vaultThroughput.ratio}, two processes ${vaultThroughput.twoProcessPerSec}`,
  },
  'vault tokenize/s, PG + Redis': { value: `${vaultThroughput.postgres.httpPerSec} HTTP`, detail: pgDetail(vaultThroughput.postgres) },
  ...Object.fromEntries(
    Object.entries(peers).map(([k, p]) => [
      `peer: ${p.package}`,
      { value: 'gzipBytes' in p ? kb(p.gzipBytes) : 'error', detail: 'error' in p ? p.error : `${k}: ${p.note}` },
    ]),
  ),
});
console.table(
  Object.fromEntries(checks.map((c) => [c.name, { budget: `${c.atMost ? '≤' : '≥'} ${c.budget}`, met: c.met ? 'yes' : 'NO', by: c.by }])),
);
for (const c of missed) console.log(`MISSED ${c.name}: ${c.by}`);
if (breakdowns.sdkCore)
  console.log(
    'SDK core composition (share of code):',
    sdk.coreModules
      .slice(0, 8)
      .map((m) => `${m.source} ${(m.share * 100).toFixed(0)}%`)
      .join(', '),
  );
if (breakdowns.fieldDocument)
  console.log(
    'field document composition (share of JS):',
    (breakdowns.fieldDocument as { modules: { source: string; share: number }[] }).modules
      .slice(0, 8)
      .map((m) => `${m.source} ${(m.share * 100).toFixed(0)}%`)
      .join(', '),
  );
if (breakdowns.mountReady) console.log('mount timeline (ms after mount(), slowest frame):', JSON.stringify(browser.mountReady.breakdown));
if (vaultThroughput.failed > 0)
  console.log(`vault throughput: ${vaultThroughput.failed} requests did not get 201:`, JSON.stringify(vaultThroughput.statuses));
step(`wrote bench/results/latest.json and latest.svg`);
