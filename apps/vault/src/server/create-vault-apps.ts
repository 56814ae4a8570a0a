import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { workspaceRoot } from '../config/data-dir';
import type { VaultConfig } from '../config/vault-config';
import { CvcCipher } from '../cvc/cvc-cipher';
import type { AppEnv } from '../http/app-env';
import { createApiApp } from '../http/api-app';
import { createFramesApp } from '../http/frames-app';
import { RateLimitGuard } from '../limits/tokenize-guard';
import { MemoryRateLimiter, type RateLimiter } from '../limits/rate-limiter';
import { instrumentApi } from '../metrics/instrument-api';
import { TokenService } from '../services/token-service';
import type { OpenVault } from './open-vault';

export interface VaultApps {
  api: Hono<AppEnv>;
  frames: Hono<AppEnv>;
  tokens: TokenService;
}

/** Wires an opened vault into the two Hono apps, once the public URLs are known. */
export function createVaultApps(
  vault: OpenVault,
  o: { config: VaultConfig; apiUrl: string; framesUrl: string; logger: Logger; now: () => number; accepting?: () => boolean; limiter?: RateLimiter },
): VaultApps {
  const root = workspaceRoot();
  const { config } = o;
  const guard = new RateLimitGuard({ shared: vault.shared, config: vault.scale.limits, store: vault.store, metrics: vault.metrics, now: o.now });
  const cvc = new CvcCipher(vault.cvcKeys, vault.secrets.kekFor, (generation) => {
    vault.metrics.cvcUnreadable();
    o.logger.warn({ generation, store: vault.cvcKeys.kind }, 'a CVC within its TTL could not be opened: its key generation is gone (Redis restarted or flushed, or a vault without REDIS_URL restarted); the reveal answered without it. See docs/operations.md, "CVC key generations".');
  });
  const tokens = new TokenService({ store: vault.store, keys: vault.keys, secrets: vault.secrets, apiOrigin: o.apiUrl, tokenTtlMs: config.tokenTtlMs, cvc, now: o.now, guard });
  const sdkVersion = (JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8')) as { version: string }).version;
  const inner = createApiApp({
    store: vault.store,
    keys: vault.keys,
    tokens,
    secrets: vault.secrets,
    logger: o.logger,
    limiter: o.limiter ?? (vault.shared.kind === 'redis' ? sharedLimiter(vault, config.sessionRatePerMinute) : new MemoryRateLimiter(config.sessionRatePerMinute, 60)),
    framesOrigin: o.framesUrl,
    sessionTtlMs: config.sessionTtlMs,
    sessionMaxUses: config.sessionMaxUses,
    sdkDir: config.sdkDistDir ?? join(root, 'packages/sdk/dist'),
    sdkVersion,
    accepting: o.accepting ?? (() => true),
    now: o.now,
  });
  // The edge: client IP (trusted proxies), /metrics, request metrics; then the API unchanged.
  const api = instrumentApi(inner, { metrics: vault.metrics, metricsToken: vault.scale.metricsToken, trustedProxies: vault.scale.trustedProxies, logger: o.logger });
  const frames = createFramesApp({
    keys: vault.keys,
    logger: o.logger,
    frameDir: config.frameDistDir ?? join(root, 'apps/frame/dist/frames/v1'),
    apiOrigin: o.apiUrl,
    fontHosts: config.fontHosts,
  });
  return { api, frames, tokens };
}

/** The session limiter over shared state, so every process counts the same sessions. */
function sharedLimiter(vault: OpenVault, perMinute: number): RateLimiter {
  const limiter = vault.shared.limiter('sessions', perMinute, 60);
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
