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
  const r = spawnSync('pnpm', ['install'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...(nodedir ? { npm_config_nodedir: nodedir } : {}) },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let stack;
try {
  // Also runs the vault with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 (a loopback processor, test mode
  // only) and creates or reuses the demo account's one test connection to the simulator, and its
  // one test webhook endpoint to the demo backend.
  stack = await startStack({ demo: true, demoReact: true, processor: true });
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

const { urls, keys, connection, webhook } = stack;
console.log(`
  Script-tag checkout (SRI-pinned SDK):  ${urls.demo}
  React 19 checkout (npm + elements):    ${urls.demoReact}
  Vault API:                             ${urls.vault}
  Frames:                                ${urls.frames}
  Processor simulator (CardPointe REST): ${urls.processor}/cardconnect/rest/  (merchid 800000000001, testing / testing123)
  ${`Test keys (${keys.created ? 'created' : 'reused'}):`.padEnd(38)} ${keys.file}
  ${`Test connection (${connection.created ? 'created' : 'reused'}):`.padEnd(38)} ${connection.id} → ${connection.url}
  ${`Webhook endpoint (${webhook.created ? 'created' : 'reused'}):`.padEnd(38)} ${webhook.id} → ${webhook.url}

  Test cards (any future expiry such as 12 / 34, any CVC):
${formatTestCards(loadTestCards()).join('\n')}

  Pay charges the order ($75.00) through the vault and the simulator; the page shows
  "Paid · Visa ending in 4242 · authorization PPS…". To see a decline, choose an "Outcome to try"
  in the order summary: "Declined: insufficient funds" charges $1,116.00, "Declined: do not honor"
  $1,100.00 (the simulator declines $1,000–$1,999 with the code of the last three dollars).
  The vault then sends the shop a signed charge.succeeded webhook; the page shows "Webhook received".
  What the processor booked: curl -u testing:testing123 ${urls.processor}/__sim/ledger

  Press Ctrl-C to stop.

Tokenframe demo ready`);
