import { join } from 'node:path';
import type { Logger } from 'pino';
import { resolveDataDir } from '../config/data-dir';
import { loadMasterKeys, type MasterKeys } from '../config/master-key';
import { KeyService } from '../services/key-service';
import { VaultSecrets } from '../services/vault-secrets';
import { SqliteStore } from '../storage/sqlite-store';

export interface OpenVault {
  dataDir: string;
  store: SqliteStore;
  keys: KeyService;
  secrets: VaultSecrets;
  masterKeys: MasterKeys;
  close(): Promise<void>;
}

/**
 * What both the server and the CLI need: the data folder, the master key, the database (migrated)
 * and the vault's sealed secrets. Throws with an actionable message when the master key is missing
 * or wrong — starting anyway would be worse.
 */
export async function openVault(opts: { env?: NodeJS.ProcessEnv; logger: Logger; groupCommit?: boolean; now?: () => number }): Promise<OpenVault> {
  const env = opts.env ?? process.env;
  const now = opts.now ?? Date.now;
  const dataDir = resolveDataDir(env);
  const master = loadMasterKeys(env, dataDir, env.NODE_ENV === 'production');
  if (!master.ok) throw new Error(master.message);
  if (master.warning) opts.logger.warn({ dataDir }, `⚠️  ${master.warning}`);
  const store = new SqliteStore(join(dataDir, 'vault.sqlite'), { groupCommit: opts.groupCommit ?? true });
  try {
    const secrets = await VaultSecrets.load(store, master.keys, now());
    return { dataDir, store, keys: new KeyService(store, now), secrets, masterKeys: master.keys, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw new Error(`Could not unseal the vault's secrets with this master key (wrong key for ${dataDir}?): ${(e as Error).message}`, { cause: e });
  }
}
