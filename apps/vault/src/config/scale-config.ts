import type { BlockList } from 'node:net';
import { parseTrustedProxies } from '../http/client-ip';
import { loadLimitConfig, type LimitConfig } from '../limits/limit-config';

/** Settings for running several processes and for abuse limits (docs/operations.md). */
export interface ScaleConfig {
  limits: LimitConfig;
  trustedProxies: BlockList;
  /** Bearer token for GET /metrics; unset means no metrics endpoint. */
  metricsToken: string | undefined;
}

export function loadScaleConfig(env: NodeJS.ProcessEnv = process.env): ScaleConfig {
  const metricsToken = env.TOKENFRAME_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) throw new Error('TOKENFRAME_METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 24`).');
  return { limits: loadLimitConfig(env), trustedProxies: parseTrustedProxies(env.TOKENFRAME_TRUSTED_PROXIES), metricsToken };
}
