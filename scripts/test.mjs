// `pnpm test`: lint, type checks, builds, every Vitest project (unit + Chromium browser mode),
// then the Playwright end-to-end suite and the Firefox/WebKit checks. Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const out = '.tokenframe/test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.error(`✗ ${label} failed`);
  }
}

let chromium;
try {
  chromium = findChromium();
} catch (e) {
  console.error(String(e.message));
  console.log(`\n0 passed, 1 failed`);
  process.exit(1);
}
const env = { CHROMIUM_PATH: chromium };

step('lint', 'pnpm', ['exec', 'eslint', '.']);
step('format (Prettier; pnpm format writes it)', 'pnpm', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']);
step('typecheck', 'node', ['scripts/typecheck.mjs']);
step('build', 'pnpm', ['run', 'build']);
step('README pins the built SDK (SRI)', 'node', ['scripts/readme-sri.mjs', '--check']);
step('no test or source reads outside the repository', 'node', ['scripts/check-repo-paths.mjs']);
step('every doc snippet is in the checked example app', 'node', ['scripts/check-doc-snippets.mjs']);
// Pack, lint (publint, attw), npm-install into a scratch app outside the workspace, tsc (bundler,
// node16), vite build, tokenize in Chromium against a test vault on ephemeral ports.
if (run('published packages work outside the workspace', 'node', ['scripts/check-packages.mjs'], env)) passed++;
else {
  failed++;
  console.error('✗ published packages work outside the workspace failed');
}

// Vitest: JSON report for the count, default reporter for humans.
const vitestJson = `${out}/vitest.json`;
const vitestOk = run(
  'vitest',
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  env,
);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (!vitestOk && r.numFailedTests === 0) failed++; // e.g. a suite that failed to load
} else {
  failed++;
}

// Playwright end-to-end suite across the three sites.
if (existsSync('e2e/playwright.config.ts')) {
  const pwJson = `${out}/playwright.json`;
  const pwOk = run('e2e', 'pnpm', ['--filter', '@tokenframe/e2e', 'exec', 'playwright', 'test'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${process.cwd()}/${pwJson}`,
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    if (s.flaky) console.warn(`⚠ ${s.flaky} end-to-end test(s) passed only on retry (flaky): see the list above and fix them.`);
    failed += s.unexpected;
    if (!pwOk && s.unexpected === 0) failed++;
  } else {
    failed++;
  }
}

// Firefox ESR and WebKitGTK (e2e/engines/run.ts): the shopper paths in the other two engines, on
// the same stack as the Playwright suite. Counts every check of each engine.
if (existsSync('e2e/engines/run.ts')) {
  const enginesJson = `${out}/engines.json`;
  const enginesOk = run('engines (Firefox, WebKit)', 'pnpm', ['exec', 'tsx', 'e2e/engines/run.ts'], { TF_ENGINES_JSON: enginesJson });
  if (existsSync(enginesJson)) {
    const r = JSON.parse(readFileSync(enginesJson, 'utf8'));
    passed += r.passed;
    failed += r.failed;
    if (r.flaky) console.warn(`⚠ ${r.flaky} engine check(s) passed only on retry (flaky): see the list above and fix them.`);
    if (!enginesOk && r.failed === 0) failed++;
  } else {
    failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
