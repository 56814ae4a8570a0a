import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { ensureDataDir } from '../config/data-dir';
import { loadMasterKeys, type MasterKeys } from '../config/master-key';
import type { VaultConfig } from '../config/vault-config';
import { CvcKeyGenerations } from '../cvc/cvc-key-generations';
import type { AppEnv } from '../api/app-env';
import type { RateLimiter } from '../limits/rate-limiter';
import { VaultMetrics } from '../metrics/vault-metrics';
import { KeyService } from '../services/key-service';
import type { ChargeService } from '../services/charges/charge-service';
import type { ConnectionService } from '../services/charges/connection-service';
import type { TokenService } from '../services/token-service';
import { VaultSecrets } from '../services/vault-secrets';
import type { WebhookSchedule } from '../services/webhook-schedule';
import { WebhookService } from '../services/webhook-service';
import { WebhookWorker } from '../services/webhook-worker';
import { createSharedState, type SharedState } from '../shared-state/shared-state';
import { openStores } from '../stores/open-stores';
import type { VaultStores } from '../stores/vault-stores';
import { buildApps } from './build-apps';
import { checkRedisPrefix } from './check-redis-prefix';

/** Everything a running vault is made of; `close()` releases the store and shared state, once. */
export interface Vault {
  config: VaultConfig;
  dataDir: string;
  /** The aggregate stores and `transaction` (stores/vault-stores.ts). */
  stores: VaultStores;
  /** Rate-limit counters and replay fast path: Redis with REDIS_URL, else this process's memory. */
  shared: SharedState;
  metrics: VaultMetrics;
  keys: KeyService;
  secrets: VaultSecrets;
  /** CVC key generations (crypto-shredding), in `shared` — never in `store`. */
  cvcKeys: CvcKeyGenerations;
  masterKeys: MasterKeys;
  tokens: TokenService;
  webhooks: WebhookService;
  /** Delivers the webhook outbox; running unless built with `webhookWorker: false` (the CLI). Stopped by close(). */
  webhookWorker: WebhookWorker;
  /** Processor connections: `vault.connections.create({account, env, kind, url, merchid, username, password})`. */
  connections: ConnectionService;
  charges: ChargeService;
  /** Public origins the apps were built for. */
  apiUrl: string;
  framesUrl: string;
  api: Hono<AppEnv>;
  frames: Hono<AppEnv>;
  close(): Promise<void>;
}

export interface BuildOptions {
  logger: Logger;
  now?: () => number;
  /** The public origins, when they are known only once the listeners are bound (port 0). */
  urls?: { apiUrl: string; framesUrl: string };
  /** false while shutting down: /readyz answers 503. */
  accepting?: () => boolean;
  /** Replaces the session limiter (tests). */
  limiter?: RateLimiter;
  /** false for the CLI: it must work with Redis down and never claims the prefix (default true). */
  checkRedisPrefix?: boolean;
  /** false for the CLI: a short-lived process delivers no webhooks (default true). */
  webhookWorker?: boolean;
  /** Replaces the retry schedule (tests compress it). */
  webhookSchedule?: WebhookSchedule;
  /** Replaces the 15 s delivery timeout (tests). */
  webhookTimeoutMs?: number;
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * The one builder (server, CLI, tests, bench): data folder, master key, store (migrated), shared
 * state, the vault's sealed secrets, the services and both Hono apps. Throws with an actionable
 * message when the master key is missing or wrong — starting anyway would be worse.
 */
export async function buildVault(config: VaultConfig, opts: BuildOptions): Promise<Vault> {
  const { logger } = opts;
  const now = opts.now ?? Date.now;
  const dataDir = ensureDataDir(config.dataDir);
  for (const warning of config.warnings) logger.warn(`⚠️  ${warning}`);
  const master = loadMasterKeys(config.masterKey, dataDir, config.production);
  if (!master.ok) throw new Error(master.message);
  if (master.warning) logger.warn({ dataDir }, `⚠️  ${master.warning}`);
  const stores = await openStores(config.database, dataDir, { groupCommit: config.groupCommit });
  const shared = createSharedState(config.redis);
  const metrics = new VaultMetrics();
  let closing: Promise<void> | undefined;
  const started: { worker?: WebhookWorker } = {};
  const close = () =>
    (closing ??= (async () => {
      await started.worker?.stop(); // no new claims; attempts in flight get a moment to be recorded
      await stores.close();
      await shared.close();
    })());
  let secrets: VaultSecrets;
  try {
    if (opts.checkRedisPrefix !== false) await checkRedisPrefix(shared, master.keys, config, logger);
  } catch (e) {
    await close();
    throw e;
  }
  try {
    secrets = await VaultSecrets.load(stores, master.keys, now());
  } catch (e) {
    await close();
    throw new Error(`Could not unseal the vault's secrets with this master key (wrong key for ${dataDir}?): ${(e as Error).message}`, {
      cause: e,
    });
  }
  const cvcKeys = new CvcKeyGenerations(shared.cvcKeySlots, { wrapKek: () => secrets.cvcKek, kekFor: secrets.kekFor }, config.cvcTtlMs);
  const keys = new KeyService(stores, now);
  const apiUrl = opts.urls?.apiUrl ?? config.apiUrl ?? `http://${urlHost(config.host)}:${config.port}`;
  const framesUrl = opts.urls?.framesUrl ?? config.framesUrl ?? `http://${urlHost(config.host)}:${config.framesPort}`;
  const webhooks = new WebhookService({ stores, secrets, allowPrivateNetwork: config.allowPrivateNetwork, now });
  const worker = (started.worker = new WebhookWorker({
    stores,
    webhooks,
    allowPrivateNetwork: config.allowPrivateNetwork,
    logger,
    now,
    pollMs: config.webhookPollMs,
    leaseMs: config.webhookLeaseMs,
    ...(opts.webhookSchedule ? { schedule: opts.webhookSchedule } : {}),
    ...(opts.webhookTimeoutMs ? { timeoutMs: opts.webhookTimeoutMs } : {}),
  }));
  nudgeAfterCommits(stores, worker);
  if (opts.webhookWorker !== false) worker.start();
  const parts = { config, stores, shared, metrics, keys, secrets, cvcKeys, webhooks };
  const apps = buildApps(parts, {
    apiUrl,
    framesUrl,
    logger,
    now,
    accepting: opts.accepting ?? (() => true),
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
  });
  return { ...parts, webhookWorker: worker, dataDir, masterKeys: master.keys, apiUrl, framesUrl, ...apps, close };
}

/**
 * Every committed transaction (and top-level event) may have written outbox rows: the worker of
 * this process looks at once instead of at its next poll (other processes find them by polling).
 */
function nudgeAfterCommits(stores: VaultStores, worker: WebhookWorker): void {
  const transaction = stores.transaction.bind(stores);
  stores.transaction = async (fn) => {
    const result = await transaction(fn);
    worker.nudge();
    return result;
  };
  const commitToken = stores.commitToken?.bind(stores);
  if (commitToken) {
    stores.commitToken = async (c) => {
      const result = await commitToken(c);
      worker.nudge();
      return result;
    };
  }
  const record = stores.events.record.bind(stores.events);
  stores.events.record = async (e) => {
    await record(e);
    worker.nudge();
  };
}
