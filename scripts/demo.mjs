// `pnpm demo`: build what is needed, start the vault and both demo checkouts, print where to go
// and which cards to try, then `Tokenframe demo ready`. Ctrl-C stops everything.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatTestCards, loadTestCards } from './lib/load-test-cards.mjs';
import { ROOT } from './lib/stack-urls.mjs';
import { startStack } from './lib/start-stack.mjs';

// A fresh clone: install first (the SQLite addon builds against Node's headers on Debian).
if (!existsSync(join(ROOT, 'node_modules/.modules.yaml'))) {
  console.log('Installing dependencies (first run)…');
  const nodedir = process.env.npm_config_nodedir ?? (existsSync('/usr/include/node/node.h') ? '/usr' : undefined);
  const r = spawnSync('pnpm', ['install'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...(nodedir ? { npm_config_nodedir: nodedir } : {}) } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let stack;
try {
  stack = await startStack({ demo: true, demoReact: true, processor: true });
  // TODO(issue 14, vault connections): once `pnpm vault connections create` exists, create (or
  // reuse) the demo account's test connection here: --kind cardpointe --url <stack.urls.processor>
  // --merchid 800000000001 --username testing --password testing123, with the vault started
  // under TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 (a loopback URL, test mode only).
} catch (e) {
  console.error(`\n✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo…');
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
for (const c of stack.children) {
  c.exited.then((how) => {
    if (stopping) return;
    console.error(`\n✗ ${c.name} exited unexpectedly (${how}). Last output:\n${c.recentOutput()}`);
    shutdown(1);
  });
}

const { urls, keys } = stack;
console.log(`
  Script-tag checkout (SRI-pinned SDK):  ${urls.demo}
  React 19 checkout (npm + elements):    ${urls.demoReact}
  Vault API:                             ${urls.vault}
  Frames:                                ${urls.frames}
  Processor simulator (CardPointe REST): ${urls.processor}/cardconnect/rest/  (merchid 800000000001, testing / testing123)
  Test keys (${keys.created ? 'created' : 'reused'}):                   ${keys.file}

  Test cards (any future expiry such as 12 / 34, any CVC):
${formatTestCards(loadTestCards()).join('\n')}

  Press Ctrl-C to stop.

Tokenframe demo ready`);
