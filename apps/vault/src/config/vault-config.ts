import { canonicalOrigin } from '../auth/canonical-origin';

/** Everything the vault reads from its environment, parsed once and validated. */
export interface VaultConfig {
  host: string;
  port: number;
  framesPort: number;
  /** Public origins; when unset they follow host and the (possibly ephemeral) listening ports. */
  apiUrl?: string;
  framesUrl?: string;
  fontHosts: string[];
  production: boolean;
  tokenTtlMs: number;
  sessionTtlMs: number;
  sessionMaxUses: number;
  /** Session creations allowed per IP + key per minute. */
  sessionRatePerMinute: number;
  purgeIntervalMs: number;
  groupCommit: boolean;
  /** Where the built frame documents and SDK bundle live (no import edge, DESIGN.md layout). */
  frameDistDir?: string;
  sdkDistDir?: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}".`);
  return n;
}

function origin(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const o = canonicalOrigin(raw.replace(/\/$/, ''));
  if (!o) throw new Error(`${name} must be an origin like https://vault.example.com (scheme, host, optional port; no path).`);
  return o;
}

/**
 * `TOKENFRAME_CVC_TTL_SECONDS` (default 600). Read by openVault, not loadConfig: the CVC key
 * generations are sized from it (src/cvc/generation-window.ts), and the CLI needs them too.
 */
export function cvcTtlMs(env: NodeJS.ProcessEnv): number {
  return int(env, 'TOKENFRAME_CVC_TTL_SECONDS', 10 * 60) * 1000;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): VaultConfig {
  const fontHosts = (env.TOKENFRAME_FONT_HOSTS ?? '').split(/\s+/).filter(Boolean).map((h) => {
    const o = canonicalOrigin(h);
    if (!o) throw new Error(`TOKENFRAME_FONT_HOSTS: "${h}" is not a canonical origin.`);
    return o;
  });
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000),
    framesPort: int(env, 'FRAMES_PORT', 4001),
    apiUrl: origin(env, 'TOKENFRAME_API_URL'),
    framesUrl: origin(env, 'TOKENFRAME_FRAMES_URL'),
    fontHosts,
    production: env.NODE_ENV === 'production',
    tokenTtlMs: int(env, 'TOKENFRAME_TOKEN_TTL_SECONDS', 30 * 60) * 1000,
    sessionTtlMs: int(env, 'TOKENFRAME_SESSION_TTL_SECONDS', 30 * 60) * 1000,
    sessionMaxUses: int(env, 'TOKENFRAME_SESSION_MAX_USES', 5),
    sessionRatePerMinute: int(env, 'TOKENFRAME_SESSION_RATE_PER_MINUTE', 60),
    purgeIntervalMs: int(env, 'TOKENFRAME_PURGE_INTERVAL_SECONDS', 60) * 1000,
    groupCommit: env.TOKENFRAME_GROUP_COMMIT !== '0',
    frameDistDir: env.TOKENFRAME_FRAME_DIST || undefined,
    sdkDistDir: env.TOKENFRAME_SDK_DIST || undefined,
  };
}
