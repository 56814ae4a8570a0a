// The ONLY file that knows the vault's internals: it starts a real vault (SQLite, ephemeral ports)
// the way the vault's own tests do, and makes keys and tokens through the CLI and the browser path.
// When the vault's test helpers move, this file is the one to change.
import { rmSync } from 'node:fs';
import { browserTokenize, cliJson, liveEnv, startLiveVault } from '../../../../apps/vault/test/live-vault';

export const SHOP = 'http://localhost:5173';
export const ALL_SCOPES = ['tokens:read', 'tokens:reveal', 'tokens:persist', 'tokens:delete', 'events:read'];
export const CHARGE_SCOPES = ['charges:read', 'charges:write', 'tokens:read'];

export interface TestVault {
  /** The API origin to give `new Tokenframe(sk, {vaultUrl})`. */
  url: string;
  /** The vault's log lines (JSON), e.g. to see which Idempotency-Keys it was sent. */
  logs: string[];
  secretKey(scopes?: string[], env?: 'test' | 'live'): Promise<string>;
  publishableKey: string;
  /** Tokenizes the Visa test card the way the frames do; returns the token id. */
  tokenize(): Promise<string>;
  /** The operator's step: a test connection of account "shop" to a processor (the simulator's credentials). */
  connect(processorUrl: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestVault(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestVault> {
  const env: NodeJS.ProcessEnv = { ...liveEnv(), TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1', ...extraEnv };
  const logs: string[] = [];
  const v = await startLiveVault(env, logs);
  const pk = (await cliJson(env, 'keys', 'create', '--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  return {
    url: v.listening.api,
    logs,
    publishableKey: pk,
    async secretKey(scopes = ALL_SCOPES, mode = 'test') {
      return (
        await cliJson(
          env,
          'keys',
          'create',
          '--account',
          'shop',
          '--type',
          'secret',
          '--env',
          mode,
          ...scopes.flatMap((s) => ['--scope', s]),
        )
      ).key;
    },
    async tokenize() {
      const { res } = await browserTokenize(v, pk, SHOP);
      if (res.status !== 201) throw new Error(`tokenize: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async connect(processorUrl) {
      const args = [
        '--account',
        'shop',
        '--env',
        'test',
        '--kind',
        'cardpointe',
        '--url',
        processorUrl,
        '--merchid',
        '800000000001',
        '--username',
        'testing',
        '--password',
        'testing123',
      ];
      return (await cliJson(env, 'connections', 'create', ...args)).id;
    },
    async stop() {
      await v.stop();
      rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
    },
  };
}
