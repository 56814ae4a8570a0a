// The demo shop's test world, as the three *-with-vault tests use it: a real processor simulator, a
// real vault (SQLite, ephemeral ports, private network allowed for the simulator's loopback URL), a
// publishable key for http://localhost:5173, a secret key that may charge, the account's one test
// connection to the simulator, and the demo backend's config pointing at all of it.
import { rmSync } from 'node:fs';
import { startProcessorSim, type RunningProcessorSim } from '@tokenframe/processor-sim';
import { cliJson, liveEnv, startLiveVault } from '../../../vault/test/live-vault';
import type { DemoConfig } from '../../src/index';

export const ORIGIN = 'http://localhost:5173';

export interface DemoShop {
  env: Record<string, string | undefined>;
  vault: Awaited<ReturnType<typeof startLiveVault>>;
  sim: RunningProcessorSim;
  pk: string;
  config: DemoConfig;
  stop(): Promise<void>;
}

export async function startDemoShop(extraEnv: Record<string, string> = {}): Promise<DemoShop> {
  const env: Record<string, string | undefined> = { ...liveEnv(), TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1', ...extraEnv };
  const sim = await startProcessorSim({ port: 0 });
  const vault = await startLiveVault(env, []);
  const key = async (...args: string[]) =>
    (await cliJson(env, 'keys', 'create', '--account', 'shop', '--env', 'test', ...args)).key as string;
  const pk = await key('--type', 'publishable', '--origin', ORIGIN);
  const sk = await key('--type', 'secret', '--scope', 'charges:read', '--scope', 'charges:write');
  await cliJson(
    env,
    'connections',
    'create',
    '--account',
    'shop',
    '--env',
    'test',
    '--kind',
    'cardpointe',
    '--url',
    sim.url,
    '--merchid',
    '800000000001',
    '--username',
    'testing',
    '--password',
    'testing123',
  );
  const config: DemoConfig = {
    port: 5173,
    origin: ORIGIN,
    allowedOrigins: [ORIGIN],
    vaultUrl: vault.listening.api,
    framesUrl: vault.listening.frames,
    publishableKey: pk,
    secretKey: sk,
  };
  const stop = async () => {
    await vault.stop();
    await sim.close();
    rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
  };
  return { env, vault, sim, pk, config, stop };
}
