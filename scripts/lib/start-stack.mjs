// Starts the local Tokenframe stack: vault (API + frames), and optionally the two demo checkouts
// and the processor simulator (apps/processor-sim, the CardPointe-dialect processor charges go to).
// Shared by `pnpm demo` and the Playwright globalSetup, so both run exactly the same thing.
// With the simulator, the vault runs with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 (a loopback processor,
// test mode only) and the demo account gets (or keeps) its one test connection to it; with the
// demo, also its one test webhook endpoint to the demo backend (secret in <data dir>/demo-webhook.json).
//
//   const stack = await startStack({ demo: true, demoReact: true });
//   stack.urls.demo, stack.keys.publishableKey, stack.connection?.id, stack.webhook?.id, …;  await stack.stop();
import { join } from 'node:path';
import { assertPortsFree } from './assert-ports-free.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { ensureDemoConnection } from './ensure-demo-connection.mjs';
import { ensureDemoWebhook } from './ensure-demo-webhook.mjs';
import { ensureDevKeys } from './ensure-dev-keys.mjs';
import { STACK_URLS, ROOT, dataDirOf } from './stack-urls.mjs';
import { startChild } from './start-child.mjs';
import { waitForUrl } from './wait-for-url.mjs';

const portOf = (url) => Number(new URL(url).port);

/**
 * @param {{ demo?: boolean, demoReact?: boolean, processor?: boolean, build?: boolean, quiet?: boolean, dataDir?: string,
 *           log?: (line: string) => void }} [opts]
 *   demoReact implies demo (the React app calls the demo backend), demo implies processor (the
 *   backend charges through it). quiet: children's output is kept only for error messages
 *   (Playwright). dataDir: TOKENFRAME_DATA_DIR for the vault, CLI and keys file.
 * @returns {Promise<{ urls: typeof STACK_URLS, keys: { publishableKey: string, secretKey: string, file: string, created: boolean },
 *                     connection: { id: string, url: string, created: boolean } | undefined,
 *                     webhook: { id: string, url: string, secret: string, file: string, created: boolean } | undefined,
 *                     stop: () => Promise<void> }>}
 */
export async function startStack({
  demo = false,
  demoReact = false,
  processor = false,
  build = true,
  quiet = false,
  dataDir,
  log = console.log,
} = {}) {
  demo ||= demoReact;
  processor ||= demo;
  const urls = STACK_URLS;
  const wanted = [
    { port: portOf(urls.vault), name: 'vault API' },
    { port: portOf(urls.frames), name: 'vault frames' },
    ...(demo ? [{ port: portOf(urls.demo), name: 'demo checkout' }] : []),
    ...(demoReact ? [{ port: portOf(urls.demoReact), name: 'React demo' }] : []),
    ...(processor ? [{ port: portOf(urls.processor), name: 'processor simulator' }] : []),
  ];
  // Build first, then check the ports, then start at once: the window in which another process
  // could take a port between the check and our listen() stays a few milliseconds wide.
  if (build && buildIfStale({ quiet }).built) log('Built the frame documents and the SDK bundle.');
  await assertPortsFree(wanted);

  const env = dataDir ? { TOKENFRAME_DATA_DIR: dataDir } : {};
  const children = [];
  const stop = async () => {
    for (const c of [...children].reverse()) await c.stop();
  };
  // Each URL must answer while the child is alive (waitForUrl's `abort`): an answer from another
  // process that took the port is a loud failure naming the port, not a stack that seems to run.
  const start = async (spec, readyUrls, accept) => {
    const c = startChild({ ...spec, quiet, env: { ...env, NO_COLOR: '1', ...spec.env } });
    children.push(c);
    try {
      for (const [i, url] of readyUrls.entries())
        await waitForUrl(url, { abort: c.exited, ...(i === 0 ? { accept } : { timeoutMs: 10_000 }) });
    } catch (e) {
      await stop();
      throw new Error(`${spec.name} did not start: ${e.message}\n--- last output of ${spec.name} ---\n${c.recentOutput()}`, { cause: e });
    }
    return c;
  };

  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  if (processor) {
    const { hostname, port } = new URL(urls.processor);
    const simEnv = { PROCESSOR_SIM_HOST: hostname, PROCESSOR_SIM_PORT: port };
    await start(
      { name: 'processor', cmd: tsx, args: ['apps/processor-sim/src/main.ts'], env: simEnv },
      [`${urls.processor}/__sim/health`],
      (r) => r.ok,
    );
  }
  // One process serves the API and the frames origin: both ports must be its own.
  // The CLI runs below need the flag too: it is checked when a connection is created.
  if (processor) env.TOKENFRAME_ALLOW_PRIVATE_NETWORK = '1';
  await start(
    { name: 'vault', cmd: process.execPath, args: ['scripts/vault.mjs', 'start'] },
    [`${urls.vault}/v1/jwks`, `${urls.frames}/`],
    (r) => r.ok,
  );
  let keys;
  let connection;
  let webhook;
  try {
    keys = await ensureDevKeys({ vaultUrl: urls.vault, origins: [urls.demo, urls.demoReact], dataDir: dataDir ?? dataDirOf(), env, log });
    if (processor) connection = ensureDemoConnection({ processorUrl: urls.processor, env, log });
    // The demo backend hears what the vault did (charge.succeeded, …): a loopback URL, test mode
    // only, allowed by the same TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 as the simulator.
    if (demo) webhook = ensureDemoWebhook({ demoUrl: urls.demo, dataDir: dataDir ?? dataDirOf(), env, log });
  } catch (e) {
    await stop();
    throw e;
  }
  const demoEnv = {
    TF_DEMO_PORT: String(portOf(urls.demo)),
    TF_VAULT_URL: urls.vault,
    TF_FRAMES_URL: urls.frames,
    TF_PUBLISHABLE_KEY: keys.publishableKey,
    TF_SECRET_KEY: keys.secretKey,
    ...(webhook ? { TF_WEBHOOK_SECRET: webhook.secret } : {}),
    TF_REACT_ORIGIN: urls.demoReact,
  };
  if (demo) await start({ name: 'demo', cmd: tsx, args: ['apps/demo/src/server.ts'], env: demoEnv }, [`${urls.demo}/healthz`], (r) => r.ok);
  if (demoReact) {
    const vite = join(ROOT, 'node_modules/.bin/vite');
    await start(
      { name: 'react', cmd: vite, args: ['--strictPort'], cwd: join(ROOT, 'apps/demo-react'), env: demoEnv },
      [`${urls.demoReact}/`],
      (r) => r.ok,
    );
  }
  return { urls, keys, connection, webhook, stop, children };
}
