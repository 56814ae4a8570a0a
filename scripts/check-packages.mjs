// The npm packages as someone else's app meets them: each publishable package is packed (pnpm
// applies publishConfig), its tarball linted (publint, attw under node16 and bundler, and our own
// rules: no private or workspace dependencies, no dev artefacts, a README, LICENSE, repository),
// then examples/npm-app is copied to a temp folder OUTSIDE the workspace, the tarballs are
// `npm install`ed there (no workspace links), the app is type-checked with moduleResolution bundler
// and node16 (skipLibCheck false), built with Vite, served on an ephemeral port and driven in
// Chromium against a throwaway vault (scripts/lib/test-vault.ts): mount, fill, tokenize, and the
// token is looked up with the secret key through the installed @tokenframe/node (lookup-tokens.mjs).
//
//   node scripts/check-packages.mjs [--keep]     (--keep leaves the temp folder for a look)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { findChromium } from './chromium.mjs';
import { buildIfStale } from './lib/build-if-stale.mjs';
import { ROOT } from './lib/stack-urls.mjs';

/** Every publishable package, one entry each (its folder). */
const PUBLISHED = ['packages/sdk', 'packages/node'];
/** Files a user's install must not carry (dev artefacts). */
const FORBIDDEN = [
  /\.map$/,
  /(^|\/)iife\.d\.ts$/,
  /^package\/(src|test|scripts|bench)\//,
  /tsconfig[^/]*\.json$/,
  /\.tsbuildinfo$/,
  /vite(st)?\.config/,
];

const keep = process.argv.includes('--keep');
const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`check-packages [${since()}] ${line}`);
const problems = [];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: opts.show ? 'inherit' : 'pipe', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${opts.cwd ?? ROOT}) failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout ?? '';
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${stdout}${stderr}`)),
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'tf-packages-'));
if (relative(ROOT, tmp).split('/')[0] !== '..') throw new Error(`The temp folder ${tmp} is inside the workspace: set TMPDIR elsewhere.`);
const cleanups = [() => (keep ? log(`kept ${tmp}`) : rmSync(tmp, { recursive: true, force: true }))];

try {
  // 1. Build, pack, lint.
  if (buildIfStale({ quiet: true }).built) log('built the SDK and the frame documents');
  mkdirSync(join(tmp, 'tarballs'));
  const tarballs = [];
  for (const dir of PUBLISHED) {
    const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    // The SDK was built above when stale; any other package is rebuilt from scratch (a tsc run of a
    // few seconds), so a dist left over from older sources is never what gets packed.
    if (dir !== 'packages/sdk' && manifest.scripts?.build) {
      rmSync(join(ROOT, dir, 'dist'), { recursive: true, force: true });
      sh('pnpm', ['run', 'build'], { cwd: join(ROOT, dir) });
    }
    const before = new Set(readdirSync(join(tmp, 'tarballs')));
    sh('pnpm', ['pack', '--pack-destination', join(tmp, 'tarballs')], { cwd: join(ROOT, dir) });
    const name = readdirSync(join(tmp, 'tarballs')).find((f) => !before.has(f));
    const tgz = join(tmp, 'tarballs', name);
    tarballs.push(tgz);
    const files = sh('tar', ['tzf', tgz]).trim().split('\n');
    const unpacked = join(tmp, 'unpacked', name);
    mkdirSync(unpacked, { recursive: true });
    sh('tar', ['xzf', tgz, '-C', unpacked]);
    const packed = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8'));
    const unpackedBytes = files.reduce((n, f) => n + (f.endsWith('/') ? 0 : statSync(join(unpacked, f)).size), 0);
    log(
      `${name}: ${(statSync(tgz).size / 1024).toFixed(1)} kB packed, ${(unpackedBytes / 1024).toFixed(1)} kB unpacked, ${files.length} files`,
    );
    lintManifest(dir, packed, files);
    sh('pnpm', ['exec', 'publint', 'run', '--strict', tgz], { cwd: join(ROOT, 'packages/sdk') });
    sh('pnpm', ['exec', 'attw', tgz, '--profile', 'esm-only', '--format', 'table-flipped'], { cwd: join(ROOT, 'packages/sdk') });
    log(`${packed.name}: publint --strict and attw (node16 ESM, bundler) clean`);
  }
  if (problems.length) throw new Error(problems.join('\n'));

  // 2. A scratch app outside the workspace, installed from the tarballs with npm.
  const app = join(tmp, 'app');
  cpSync(join(ROOT, 'examples/npm-app'), app, { recursive: true, filter: (src) => !/node_modules|dist/.test(relative(ROOT, src)) });
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app });
  for (const dir of PUBLISHED) {
    const { name } = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    if (lstatSync(join(app, 'node_modules', name)).isSymbolicLink())
      throw new Error(`${name} is a link in the scratch app, not an install.`);
  }
  const ours = readdirSync(join(app, 'node_modules/@tokenframe')).map((n) => `@tokenframe/${n}`);
  log(`npm installed ${ours.join(', ')} into ${app}`);
  const tsc = join(app, 'node_modules/.bin/tsc');
  sh(tsc, ['-p', 'tsconfig.json'], { cwd: app });
  sh(tsc, ['-p', 'tsconfig.node16.json'], { cwd: app });
  log('tsc clean with moduleResolution bundler and node16 (strict, skipLibCheck false)');
  sh(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: app });
  log('vite build done');

  // 3. Serve it, start a vault for its origin, tokenize in Chromium.
  const server = await serveStatic(join(app, 'dist'));
  cleanups.push(() => server.close());
  const appUrl = `http://localhost:${server.address().port}`;
  const vault = await startTestVault(appUrl);
  cleanups.push(vault.stop);
  // Asynchronously: this process serves the app meanwhile.
  const out = await run(process.execPath, ['check.mjs'], {
    cwd: app,
    env: {
      ...process.env,
      APP_URL: appUrl,
      PK: vault.publishableKey,
      VAULT_URL: vault.apiUrl,
      FRAMES_URL: vault.framesUrl,
      CHROMIUM_PATH: findChromium(),
    },
  });
  const tokenized = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  // The merchant's server: the installed @tokenframe/node looks each token up with the secret key.
  const looked = await run(process.execPath, ['lookup-tokens.mjs', ...tokenized.map((t) => t.token)], {
    cwd: app,
    env: { ...process.env, SECRET_KEY: vault.secretKey, VAULT_URL: vault.apiUrl },
  });
  const cards = new Map(
    looked
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map(({ token, card }) => [token, card]),
  );
  for (const { mode, token } of tokenized) {
    const card = cards.get(token);
    if (card?.last4 !== '4242' || card?.brand !== 'visa') throw new Error(`${mode}: ${token} → ${JSON.stringify(card)}`);
    log(
      `${mode}: mounted and tokenized in Chromium → ${token.slice(0, 8)}…, @tokenframe/node with the secret key sees ${card.brand} ${card.last4}`,
    );
  }
  log('ok');
} catch (error) {
  console.error(`check-packages [${since()}] FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

/** What publint and attw do not check: the manifest and the file list a user installs. */
function lintManifest(dir, packed, files) {
  const deps = { ...packed.dependencies, ...packed.peerDependencies, ...packed.optionalDependencies };
  for (const [name, range] of Object.entries(deps)) {
    if (String(range).startsWith('workspace:')) problems.push(`${dir}: ${name}@${range} is a workspace range in the packed package.json.`);
    const local = PUBLISHED.some((d) => JSON.parse(readFileSync(join(ROOT, d, 'package.json'), 'utf8')).name === name);
    if (name.startsWith('@tokenframe/') && !local)
      problems.push(`${dir}: depends on ${name}, which is not published (bundle it and list it in devDependencies).`);
  }
  for (const file of files)
    if (FORBIDDEN.some((re) => re.test(file))) problems.push(`${dir}: ships ${file}, a development artefact (narrow "files").`);
  for (const need of ['package/README.md', 'package/LICENSE'])
    if (!files.includes(need)) problems.push(`${dir}: the tarball has no ${need.slice(8)}.`);
  if (!packed.repository || !packed.homepage) problems.push(`${dir}: package.json needs "repository" and "homepage".`);
  if (/DESIGN\.md|ratchet/i.test(readFileSync(join(ROOT, dir, 'README.md'), 'utf8')))
    problems.push(`${dir}: README.md reads like internal notes; it is what npm shows users.`);
}

function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  // `localhost` is another site than the vault's 127.0.0.1; listen on both stacks it may resolve to.
  return new Promise((resolve, reject) => {
    server.once('error', () => server.listen(0, '127.0.0.1', () => resolve(server)).once('error', reject));
    server.listen(0, '::', () => resolve(server));
  });
}

function startTestVault(origin) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/test-vault.ts', '--origin', origin], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test vault did not start in 60 s:\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ ...JSON.parse(line), stop });
    });
    void exited.then((code) => reject(new Error(`the test vault exited (${code}):\n${stderr}`)));
  });
}
