// The engine suite: the checks in checks.ts in Firefox ESR (WebDriver BiDi) and WebKitGTK (W3C
// WebDriver), against the same stack as the Playwright suite (support/global-setup.ts starts it:
// vault, both demos, merchant page on localhost, attacker on 127.0.0.2). Run it in a network
// namespace of its own (fixed ports):
//   unshare -n bash -c 'ip link set lo up; pnpm --filter @tokenframe/e2e exec tsx engines/run.ts'
// Arguments: engines (default firefox,webkit) and an optional name filter: `run.ts webkit paste`.
// Writes { passed, failed, flaky, tests } to $TF_ENGINES_JSON for scripts/test.mjs; in CI a
// failed check gets one retry and is reported as flaky when that passes. When the engine itself
// failed (an EngineError: a driver call without an answer, a dead session; or the engine no longer
// answers), it is relaunched and the check retried once, in any run, also reported as flaky. A
// check can only fail itself: an engine that cannot be relaunched fails the checks it had left.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import globalSetup from '../support/global-setup';
import { CHECKS, type Check } from './checks';
import { launchFirefox } from './firefox';
import { EngineError, type Engine, type EngineName } from './tab';
import { launchWebkit } from './webkit';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const OUT = join(ROOT, '.tokenframe/test-results/engines');
const LAUNCH: Record<EngineName, () => Promise<Engine>> = {
  firefox: launchFirefox,
  webkit: () => launchWebkit(join(OUT, 'webkit-driver.log')),
};
const CHECK_TIMEOUT = 60_000;

interface Result {
  engine: EngineName;
  name: string;
  ok: boolean;
  flaky?: boolean;
  ms: number;
  error?: string;
}

interface Failure {
  error: string;
  /** The engine failed (not the page): relaunch it before anything else runs in it. */
  engineDied: boolean;
}

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

async function attempt(engine: Engine, check: Check): Promise<Failure | undefined> {
  let tab;
  try {
    tab = await engine.newTab();
  } catch (e) {
    return { error: `could not open a tab: ${describe(e)}`, engineDied: true };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT} ms`)), CHECK_TIMEOUT)),
    );
    await Promise.race([check.run(tab, OUT), timeout]);
    return undefined;
  } catch (e) {
    clearTimeout(timer);
    const engineDied = e instanceof EngineError || !(await engine.healthy());
    if (!engineDied) await tab.screenshot(join(OUT, `failed-${engine.name}-${check.name.replace(/\W+/g, '-')}.png`)).catch(() => undefined);
    return { error: describe(e), engineDied };
  } finally {
    clearTimeout(timer);
    await tab.close().catch(() => undefined);
  }
}

/** The engine, relaunched when an attempt found it dead; `undefined` when it would not come back. */
class EngineSlot {
  engine?: Engine;
  launchError?: string;
  constructor(readonly name: EngineName) {}

  async launch(): Promise<Engine | undefined> {
    const t0 = Date.now();
    try {
      this.engine = await LAUNCH[this.name]();
      console.log(`${this.name}: launched in ${Date.now() - t0} ms`);
    } catch (e) {
      this.engine = undefined;
      this.launchError = describe(e);
      console.log(`${this.name}: could not be launched: ${this.launchError.split('\n')[0]}`);
    }
    return this.engine;
  }

  async relaunch(): Promise<Engine | undefined> {
    await this.close();
    return this.launch();
  }

  async close(): Promise<void> {
    await this.engine?.close().catch((e: unknown) => console.log(`${this.name}: close failed: ${describe(e).split('\n')[0]}`));
    this.engine = undefined;
  }
}

async function runCheck(slot: EngineSlot, check: Check): Promise<Result> {
  const start = Date.now();
  const result = (error: string | undefined, flaky = false): Result => ({
    engine: slot.name,
    name: check.name,
    ok: !error,
    ms: Date.now() - start,
    ...(flaky ? { flaky } : {}),
    ...(error ? { error } : {}),
  });
  const engine = slot.engine ?? (await slot.relaunch());
  if (!engine) return result(`${slot.name} is not running: ${slot.launchError ?? 'unknown'}`);
  const first = await attempt(engine, check);
  if (!first) return result(undefined);
  if (!first.engineDied && !process.env['CI']) return result(first.error);
  if (first.engineDied) {
    console.log(`  ↻ ${check.name}: ${slot.name} failed (${first.error.split('\n')[0]}); relaunching it and retrying once`);
    if (!(await slot.relaunch())) return result(`${first.error}\n\nand ${slot.name} could not be relaunched: ${slot.launchError}`);
  } else {
    console.log(`  ↻ ${check.name} failed, retrying once: ${first.error.split('\n')[0]}`);
  }
  const second = await attempt(slot.engine!, check);
  if (!second) return result(undefined, true);
  if (second.engineDied) await slot.relaunch(); // the next check starts on a live engine
  return result(`first attempt: ${first.error}\n\nretry: ${second.error}`);
}

let current: EngineSlot | undefined; // closed on SIGINT/SIGTERM too (xvfb-run has its own process group)

async function runEngine(name: EngineName, filter: string | undefined, results: Result[]): Promise<void> {
  console.log('');
  const slot = (current = new EngineSlot(name));
  await slot.launch();
  try {
    for (const check of CHECKS.filter((c) => !filter || c.name.includes(filter))) {
      let r: Result;
      try {
        r = await runCheck(slot, check);
      } catch (e) {
        // runCheck catches what a check throws; this is a bug of the runner: still only this check.
        r = { engine: name, name: check.name, ok: false, ms: 0, error: `the runner failed: ${describe(e)}` };
      }
      results.push(r);
      console.log(
        `  ${r.ok ? (r.flaky ? '⚠' : '✓') : '✘'} [${name}] ${check.name} (${r.ms} ms)${r.error ? `\n${r.error.replace(/^/gm, '      ')}` : ''}`,
      );
    }
  } finally {
    await slot.close();
  }
}

async function main(): Promise<number> {
  const [engines = 'firefox,webkit', filter] = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  const names = engines.split(',') as EngineName[];
  for (const name of names) if (!LAUNCH[name]) throw new Error(`unknown engine ${name}: firefox or webkit`);
  const teardown = await globalSetup();
  // Interrupted (Ctrl-C, a CI timeout): the stack's vault and demos must not outlive the run.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the stack`);
      void Promise.allSettled([current?.close(), teardown?.()]).finally(() => process.exit(130));
    });
  console.log(`stack up in ${Date.now() - t0} ms`);
  const results: Result[] = [];
  try {
    for (const name of names) await runEngine(name, filter, results);
  } finally {
    await teardown?.();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const flaky = results.filter((r) => r.flaky).length;
  writeFileSync(
    process.env['TF_ENGINES_JSON'] ?? join(OUT, 'engines.json'),
    JSON.stringify({ passed, failed, flaky, tests: results }, null, 2),
  );
  console.log(
    `\nengines: ${passed} passed, ${failed} failed${flaky ? `, ${flaky} flaky` : ''} in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
