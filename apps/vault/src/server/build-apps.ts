import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { workspaceRoot } from '../config/data-dir';
import { parseTrustedProxies } from '../auth/client-ip';
import type { VaultConfig } from '../config/vault-config';
import type { CvcKeyGenerations } from '../cvc/cvc-key-generations';
import { CvcCipher } from '../cvc/cvc-cipher';
import { createApiApp } from '../api/api-app';
import type { AppEnv } from '../api/app-env';
import { instrumentApi } from '../api/instrument-api';
import { createFramesApp } from '../frames/frames-app';
import { ScriptedTokenizeGuard } from '../limits/scripted-tokenize-guard';
import { RateLimitGuard, type TokenizeGuard } from '../limits/tokenize-guard';
import { MemoryRateLimiter, type RateLimiter } from '../limits/rate-limiter';
import type { VaultMetrics } from '../metrics/vault-metrics';
import { CardPointeConnector } from '../services/charges/cardpointe-connector';
import { ChargeActions } from '../services/charges/charge-actions';
import { ChargeService } from '../services/charges/charge-service';
import { ConnectionService } from '../services/charges/connection-service';
import { ProxyService } from '../services/proxy/proxy-service';
import type { KeyService } from '../services/key-service';
import { Idempotency } from '../services/idempotency';
import { ReplayGuard } from '../services/replay-guard';
import { SessionService } from '../services/session-service';
import { TokenService } from '../services/token-service';
import type { VaultSecrets } from '../services/vault-secrets';
import type { WebhookService } from '../services/webhook-service';
import type { SharedState } from '../shared-state/shared-state';
import type { VaultStores } from '../stores/vault-stores';

/** What the apps are built from (server/build-vault.ts makes these). */
export interface VaultParts {
  config: VaultConfig;
  stores: VaultStores;
  shared: SharedState;
  metrics: VaultMetrics;
  keys: KeyService;
  secrets: VaultSecrets;
  cvcKeys: CvcKeyGenerations;
  webhooks: WebhookService;
}

export interface VaultApps {
  api: Hono<AppEnv>;
  frames: Hono<AppEnv>;
  tokens: TokenService;
  connections: ConnectionService;
  charges: ChargeService;
}

/** The services and the two Hono apps, once the public URLs are known. */
export function buildApps(
  vault: VaultParts,
  o: { apiUrl: string; framesUrl: string; logger: Logger; now: () => number; accepting: () => boolean; limiter?: RateLimiter },
): VaultApps {
  const root = workspaceRoot();
  const { config } = vault;
  const trustedProxies = parseTrustedProxies(config.trustedProxies);
  const lookupLimiter = sharedLimiter(vault, 'frame-lookups', config.frameLookupsPerMinute);
  const cvc = new CvcCipher(vault.cvcKeys, vault.secrets.kekFor, (generation) => {
    vault.metrics.cvcUnreadable();
    o.logger.warn(
      { generation, store: vault.cvcKeys.kind },
      'a CVC within its TTL could not be opened: its key generation is gone (Redis restarted or flushed, or a vault without REDIS_URL restarted); the reveal answered without it. See docs/operations.md, "CVC key generations".',
    );
  });
  const replay = new ReplayGuard(vault.shared.replay, config.sessionTtlMs + 60_000);
  const guard = tokenizeGuard(vault, replay, o.now);
  const tokens = new TokenService({
    store: vault.stores,
    replay,
    keys: vault.keys,
    secrets: vault.secrets,
    apiOrigin: o.apiUrl,
    tokenTtlMs: config.tokenTtlMs,
    cvc,
    now: o.now,
    guard,
  });
  const connections = new ConnectionService({
    stores: vault.stores,
    keys: vault.keys,
    secrets: vault.secrets,
    allowPrivate: config.allowPrivateNetwork,
    now: o.now,
  });
  const connector = new CardPointeConnector({ timeoutMs: config.processorTimeoutMs, allowPrivate: config.allowPrivateNetwork });
  const chargeDeps = {
    stores: vault.stores,
    connections,
    connector,
    secrets: vault.secrets,
    cvc,
    logger: o.logger,
    now: o.now,
    maxAmount: config.chargeMaxAmount,
  };
  const charges = new ChargeService(chargeDeps);
  const sdkVersion = (JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8')) as { version: string }).version;
  const inner = createApiApp({
    store: vault.stores,
    idempotency: new Idempotency(vault.stores, o.now),
    keys: vault.keys,
    tokens,
    charges,
    chargeActions: new ChargeActions(chargeDeps),
    proxy: new ProxyService(chargeDeps),
    secrets: vault.secrets,
    logger: o.logger,
    limiter:
      o.limiter ??
      (vault.shared.kind === 'redis'
        ? sharedLimiter(vault, 'sessions', config.sessionRatePerMinute)
        : new MemoryRateLimiter(config.sessionRatePerMinute, 60)),
    lookupLimiter,
    framesOrigin: o.framesUrl,
    sessions: new SessionService({
      stores: vault.stores,
      keys: vault.keys,
      ttlMs: config.sessionTtlMs,
      maxUses: config.sessionMaxUses,
      now: o.now,
    }),
    sdkDir: config.sdkDistDir ?? join(root, 'packages/sdk/dist'),
    sdkVersion,
    accepting: o.accepting,
    now: o.now,
    webhooks: vault.webhooks,
  });
  // The edge: client IP (trusted proxies), /metrics, request metrics; then the API unchanged.
  const api = instrumentApi(inner, {
    metrics: vault.metrics,
    metricsToken: config.metricsToken,
    trustedProxies,
    ipv6Prefix: config.ipv6Prefix,
    logger: o.logger,
  });
  const frames = createFramesApp({
    keys: vault.keys,
    logger: o.logger,
    frameDir: config.frameDistDir ?? join(root, 'apps/frame/dist/frames/v1'),
    apiOrigin: o.apiUrl,
    fontHosts: config.fontHosts,
    lookupLimiter,
    trustedProxies,
    ipv6Prefix: config.ipv6Prefix,
  });
  return { api, frames, tokens, connections, charges };
}

/**
 * With Redis, the scripted guard: every post-open limit, the replay check and the jti claim in one
 * round trip. In memory, the same walk limiter by limiter (no round trips to save).
 */
function tokenizeGuard(vault: VaultParts, replay: ReplayGuard, now: () => number): TokenizeGuard {
  const deps = { shared: vault.shared, config: vault.config.limits, store: vault.stores, metrics: vault.metrics, now };
  const { limitScript, replay: cache } = vault.shared;
  return limitScript && cache
    ? new ScriptedTokenizeGuard(deps, limitScript, { keyFor: (jti) => cache.keyFor(jti), ttlMs: replay.ttlMs })
    : new RateLimitGuard(deps);
}

/** A per-minute limiter over shared state, so every process counts the same requests. */
function sharedLimiter(vault: VaultParts, name: string, perMinute: number): RateLimiter {
  const limiter = vault.shared.limiter(name, perMinute, 60);
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (e) {
        if (e instanceof Error) throw e;
        return { ok: false, retryAfterMs: (e as { msBeforeNext: number }).msBeforeNext };
      }
    },
  };
}
