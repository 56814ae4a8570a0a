// The engine suite: the checks in checks.ts in Firefox ESR (WebDriver BiDi) and WebKitGTK (W3C
// WebDriver), against the same stack as the Playwright suite (support/global-setup.ts starts it:
// vault, both demos, merchant page on localhost, attacker on 127.0.0.2). Run it in a network
// namespace of its own (fixed ports):
//   unshare -n bash -c 'ip link set lo up; pnpm --filter @tokenframe/e2e exec tsx engines/run.ts'
// Arguments: engines (default firefox,webkit) and an optional name filter: `run.ts webkit paste`.
// Writes { passed, failed, flaky, tests } to $TF_ENGINES_JSON for scripts/test.mjs; in CI a
// failed check gets one retry and is reported as flaky when that passes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import globalSetup from '../support/global-setup';
import { CHECKS, type Check } from './checks';
import { launchFirefox } from './firefox';
import type { Engine, EngineName } from './tab';
import { launchWebkit } from './webkit';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const OUT = join(ROOT, '.tokenframe/test-results/engines');
const LAUNCH: Record<EngineName, () => Promise<Engine>> = { firefox: launchFirefox, webkit: launchWebkit };
const CHECK_TIMEOUT = 60_000;

interface Result {
  engine: EngineName;
  name: string;
  ok: boolean;
  flaky?: boolean;
  ms: number;
  error?: string;
}

async function attempt(engine: Engine, check: Check): Promise<string | undefined> {
  const tab = await engine.newTab();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT} ms`)), CHECK_TIMEOUT)));
    await Promise.race([check.run(tab, OUT), timeout]);
    return undefined;
  } catch (e) {
    await tab.screenshot(join(OUT, `failed-${engine.name}-${check.name.replace(/\W+/g, '-')}.png`)).catch(() => undefined);
    return e instanceof Error ? (e.stack ?? e.message) : String(e);
  } finally {
    clearTimeout(timer);
    await tab.close().catch(() => undefined);
  }
}

async function runEngine(name: EngineName, filter: string | undefined, results: Result[]): Promise<void> {
  const t0 = Date.now();
  const engine = await LAUNCH[name]();
  console.log(`\n${name}: launched in ${Date.now() - t0} ms`);
  try {
    for (const check of CHECKS.filter((c) => !filter || c.name.includes(filter))) {
      const start = Date.now();
      let error = await attempt(engine, check);
      let flaky = false;
      if (error && process.env['CI']) {
        console.log(`  ↻ ${check.name} failed, retrying once: ${error.split('\n')[0]}`);
        flaky = (error = await attempt(engine, check)) === undefined;
      }
      const r: Result = { engine: name, name: check.name, ok: !error, ms: Date.now() - start, ...(flaky ? { flaky } : {}), ...(error ? { error } : {}) };
      results.push(r);
      console.log(`  ${r.ok ? (flaky ? '⚠' : '✓') : '✘'} [${name}] ${check.name} (${r.ms} ms)${error ? `\n${error.replace(/^/gm, '      ')}` : ''}`);
    }
  } finally {
    await engine.close();
  }
}

async function main(): Promise<number> {
  const [engines = 'firefox,webkit', filter] = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  const teardown = await globalSetup();
  console.log(`stack up in ${Date.now() - t0} ms`);
  const results: Result[] = [];
  try {
    for (const name of engines.split(',') as EngineName[]) {
      if (!LAUNCH[name]) throw new Error(`unknown engine ${name}: firefox or webkit`);
      await runEngine(name, filter, results);
    }
  } finally {
    await teardown?.();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const flaky = results.filter((r) => r.flaky).length;
  writeFileSync(process.env['TF_ENGINES_JSON'] ?? join(OUT, 'engines.json'), JSON.stringify({ passed, failed, flaky, tests: results }, null, 2));
  console.log(`\nengines: ${passed} passed, ${failed} failed${flaky ? `, ${flaky} flaky` : ''} in ${Math.round((Date.now() - t0) / 1000)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
