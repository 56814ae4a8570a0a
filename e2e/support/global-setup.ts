// Starts the whole system once for the run, exactly as `pnpm demo` does (scripts/lib/startStack):
// vault (API :4000, frames :4001), the processor simulator (:4100, the demo account's test
// connection), the script-tag demo (:5173) and the React demo (:5174), on a
// fresh data folder under .tokenframe/e2e, plus our fixture sites (merchant page on localhost,
// attacker on 127.0.0.2). Returns the teardown. Set TF_E2E_STACK=0 to run only specs that need none,
// TF_E2E_BUILD=0 to use the frame and SDK builds on disk as they are.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_ENV_VAR, type E2eEnv, type KeyPair } from './e2e-env';
import { startFixtureSites } from './fixture-sites';
import { loadStackLib, type StackLib } from './stack-lib';

export const FIXTURE_PORT = 4330;

// Many page loads and many distinct test cards from one IP within minutes: far above what the
// defaults allow a real shopper (they are a card-testing detector). Limits have their own tests in
// apps/vault; here they would only make the suite depend on its own speed.
const GENEROUS_LIMITS = {
  TOKENFRAME_SESSION_RATE_PER_MINUTE: '10000',
  TOKENFRAME_FRAME_LOOKUPS_PER_MINUTE: '100000',
  TOKENFRAME_SESSION_MAX_USES: '50',
  TOKENFRAME_RATE_LIMITS: JSON.stringify({
    default: {
      perIp: [10000, 60],
      perSession: [1000, 600],
      perFingerprint: [1000, 600],
      distinctCardsPerBin: [10000, 600],
      distinctCardsPerIp: [10000, 600],
      distinctCardsPerBinLast4: [10000, 600],
    },
  }),
};

// The vault's wait for one processor answer (15 s by default): short, so a spec that makes the
// simulator accept an authorization and never answer (e2e/demo/faults.spec.ts) sees the vault give
// up, inquire and decide within seconds, well inside the demo backend's 20 s and a test's 60 s.
const PROCESSOR_TIMEOUT = { TOKENFRAME_PROCESSOR_TIMEOUT_MS: '3000' };

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TF_E2E_STACK === '0') return undefined;
  const lib = await loadStackLib();
  const dataDir = join(lib.ROOT, '.tokenframe/e2e');
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TF_E2E_BUILD !== '0') lib.buildIfStale({ quiet: true });
  // The vault serves a snapshot of the builds taken now, so a rebuild during the run (another
  // terminal, an editor's watcher) cannot swap the SDK or the frames under a running spec.
  const dist = join(dataDir, 'dist');
  cpSync(join(lib.ROOT, 'packages/sdk/dist'), join(dist, 'sdk'), { recursive: true });
  cpSync(join(lib.ROOT, 'apps/frame/dist/frames/v1'), join(dist, 'frames'), { recursive: true });
  Object.assign(process.env, GENEROUS_LIMITS, PROCESSOR_TIMEOUT, {
    TOKENFRAME_SDK_DIST: join(dist, 'sdk'),
    TOKENFRAME_FRAME_DIST: join(dist, 'frames'),
  });
  const env = { TOKENFRAME_DATA_DIR: dataDir };

  const stack = await lib.startStack({
    demo: true,
    demoReact: true,
    processor: true,
    build: false,
    quiet: true,
    dataDir,
    log: () => undefined,
  });
  try {
    const sites = await startFixtureSites(FIXTURE_PORT);
    const cli = (args: string[]): { key: string } => run(lib, args, env);
    const merchantKey = cli([
      'keys',
      'create',
      '--account',
      'demo',
      '--type',
      'publishable',
      '--env',
      'test',
      '--origin',
      sites.merchant,
    ]).key;
    cli(['accounts', 'create', '--name', 'e2e-other']);
    const other: KeyPair = {
      publishableKey: cli([
        'keys',
        'create',
        '--account',
        'e2e-other',
        '--type',
        'publishable',
        '--env',
        'test',
        '--origin',
        stack.urls.demo,
      ]).key,
      secretKey: cli(['keys', 'create', '--account', 'e2e-other', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read']).key,
    };
    const e2e: E2eEnv = {
      urls: { ...stack.urls, merchant: sites.merchant, hostile: sites.hostile },
      demo: { publishableKey: stack.keys.publishableKey, secretKey: stack.keys.secretKey },
      merchantKey,
      other,
    };
    process.env[E2E_ENV_VAR] = JSON.stringify(e2e);
    return async () => {
      await sites.close();
      await stack.stop();
    };
  } catch (e) {
    await stack.stop();
    throw e;
  }
}

function run(lib: StackLib, args: string[], env: Record<string, string>): { key: string } {
  const r = lib.vaultCli(args, { env });
  if (!r.ok) throw new Error(r.message);
  return r.value as { key: string };
}
