import type { Logger } from 'pino';
import { resolveDataDir } from '../config/data-dir';
import { loadMasterKeys, type MasterKeys } from '../config/master-key';
import { loadScaleConfig, type ScaleConfig } from '../config/scale-config';
import { cvcTtlMs } from '../config/vault-config';
import { CvcKeyGenerations } from '../cvc/cvc-key-generations';
import { VaultMetrics } from '../metrics/vault-metrics';
import { createSharedState, type SharedState } from '../shared-state/shared-state';
import { withSharedState } from '../shared-state/with-shared-state';
import { KeyService } from '../services/key-service';
import { VaultSecrets } from '../services/vault-secrets';
import { openStore, type StoreKind } from '../storage/open-store';
import type { VaultStore } from '../storage/vault-store';

export interface OpenVault {
  dataDir: string;
  store: VaultStore;
  storeKind: StoreKind;
  /** Rate-limit counters and replay fast path: Redis with REDIS_URL, else this process's memory. */
  shared: SharedState;
  metrics: VaultMetrics;
  scale: ScaleConfig;
  keys: KeyService;
  secrets: VaultSecrets;
  /** CVC key generations (crypto-shredding), in `shared` — never in `store`. */
  cvcKeys: CvcKeyGenerations;
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
  const scale = loadScaleConfig(env);
  const cvcTtl = cvcTtlMs(env);
  const opened = await openStore(env, dataDir, { groupCommit: opts.groupCommit ?? true });
  const shared = createSharedState(env);
  const metrics = new VaultMetrics();
  const sessionTtlMs = Number(env.TOKENFRAME_SESSION_TTL_SECONDS || 30 * 60) * 1000;
  const store = withSharedState(opened.store, { ...(shared.replay ? { replay: shared.replay } : {}), replayTtlMs: sessionTtlMs + 60_000, onPurge: (c) => metrics.purged(c) });
  const close = async () => {
    await store.close();
    await shared.close();
  };
  try {
    const secrets = await VaultSecrets.load(store, master.keys, now());
    const cvcKeys = new CvcKeyGenerations(shared.cvcKeySlots, { wrapKek: () => secrets.cvcKek, kekFor: secrets.kekFor }, cvcTtl);
    return { dataDir, store, storeKind: opened.kind, shared, metrics, scale, keys: new KeyService(store, now), secrets, cvcKeys, masterKeys: master.keys, close };
  } catch (e) {
    await close();
    throw new Error(`Could not unseal the vault's secrets with this master key (wrong key for ${dataDir}?): ${(e as Error).message}`, { cause: e });
  }
}
