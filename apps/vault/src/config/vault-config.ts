import { resolve } from 'node:path';
import { defaultDataDir } from './data-dir';
import { parseEnv } from './env-vars';
import { parseLimitConfig, type LimitConfig } from './limit-config';

export type DatabaseConfig =
  { kind: 'sqlite'; busyTimeoutMs: number | undefined } | { kind: 'postgres'; url: string; schema: string | undefined; poolSize: number };

/**
 * Everything the vault reads from its environment, parsed and validated once (config/env-vars.ts)
 * and deeply frozen. Nothing outside config/ reads `process.env`: the builder, the CLI, tests and
 * bench all take a VaultConfig (tests build one from an env object with loadVaultConfig).
 */
export interface VaultConfig {
  host: string;
  port: number;
  framesPort: number;
  /** Public origins; when unset they follow host and the (possibly ephemeral) listening ports. */
  apiUrl: string | undefined;
  framesUrl: string | undefined;
  fontHosts: readonly string[];
  production: boolean;
  logLevel: string | undefined;
  /** Absolute; created (mode 0700) by the builder, not here. */
  dataDir: string;
  tokenTtlMs: number;
  sessionTtlMs: number;
  sessionMaxUses: number;
  /** Session creations allowed per IP + key per minute. */
  sessionRatePerMinute: number;
  /** Frame documents + GET /v1/frames/status per client (IPv6 per network) per minute: each looks a key up. */
  frameLookupsPerMinute: number;
  purgeIntervalMs: number;
  cvcTtlMs: number;
  groupCommit: boolean;
  /** How often the webhook worker looks for due deliveries when it has nothing to do. */
  webhookPollMs: number;
  /** How long a claimed delivery is its worker's; a dead process's claims are retried after it. */
  webhookLeaseMs: number;
  /** TOKENFRAME_ALLOW_PRIVATE_NETWORK=1: test-mode objects may reach loopback/private addresses. */
  allowPrivateNetwork: boolean;
  /** One processor call (connect, send, answer), charges and proxy alike. */
  processorTimeoutMs: number;
  /** The largest charge amount in minor units. */
  chargeMaxAmount: number;
  /** Where the built frame documents and SDK bundle live (no import edge, DESIGN.md layout). */
  frameDistDir: string | undefined;
  sdkDistDir: string | undefined;
  masterKey: { key: string | undefined; file: string | undefined; previous: readonly string[] };
  limits: LimitConfig;
  trustedProxies: readonly string[];
  /** Per-client limits count an IPv6 client by this prefix (auth/client-net.ts); IPv4 per address. */
  ipv6Prefix: number;
  /** Bearer token for GET /metrics; unset means no metrics endpoint. */
  metricsToken: string | undefined;
  database: DatabaseConfig;
  redis: { url: string; prefix: string } | undefined;
  /** Not fatal, told to the operator at start (e.g. several processes without Redis outside production). */
  warnings: readonly string[];
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Parses `env` (tests pass a plain object; `start` passes process.env). Throws with the variable's name. */
export function loadVaultConfig(env: Env): VaultConfig {
  const e = parseEnv(env);
  const production = e.NODE_ENV === 'production';
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.TOKENFRAME_PG_SCHEMA, poolSize: e.TOKENFRAME_PG_POOL_SIZE }
    : { kind: 'sqlite', busyTimeoutMs: e.TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS };
  const warnings: string[] = [];
  const scaleOut = scaleOutProblem(e.TOKENFRAME_PROCESSES, e.REDIS_URL !== undefined, database.kind === 'postgres');
  if (scaleOut && production) throw new Error(scaleOut);
  if (scaleOut) warnings.push(scaleOut);
  return deepFreeze({
    host: e.HOST,
    port: e.PORT,
    framesPort: e.FRAMES_PORT,
    apiUrl: e.TOKENFRAME_API_URL,
    framesUrl: e.TOKENFRAME_FRAMES_URL,
    fontHosts: e.TOKENFRAME_FONT_HOSTS,
    production,
    logLevel: e.LOG_LEVEL,
    dataDir: e.TOKENFRAME_DATA_DIR ? resolve(e.TOKENFRAME_DATA_DIR) : defaultDataDir(),
    tokenTtlMs: e.TOKENFRAME_TOKEN_TTL_SECONDS * 1000,
    sessionTtlMs: e.TOKENFRAME_SESSION_TTL_SECONDS * 1000,
    sessionMaxUses: e.TOKENFRAME_SESSION_MAX_USES,
    sessionRatePerMinute: e.TOKENFRAME_SESSION_RATE_PER_MINUTE,
    frameLookupsPerMinute: e.TOKENFRAME_FRAME_LOOKUPS_PER_MINUTE,
    purgeIntervalMs: e.TOKENFRAME_PURGE_INTERVAL_SECONDS * 1000,
    cvcTtlMs: e.TOKENFRAME_CVC_TTL_SECONDS * 1000,
    groupCommit: e.TOKENFRAME_GROUP_COMMIT,
    webhookPollMs: e.TOKENFRAME_WEBHOOK_POLL_MS,
    webhookLeaseMs: e.TOKENFRAME_WEBHOOK_LEASE_SECONDS * 1000,
    allowPrivateNetwork: e.TOKENFRAME_ALLOW_PRIVATE_NETWORK,
    processorTimeoutMs: e.TOKENFRAME_PROCESSOR_TIMEOUT_MS,
    chargeMaxAmount: e.TOKENFRAME_CHARGE_MAX_AMOUNT,
    frameDistDir: e.TOKENFRAME_FRAME_DIST,
    sdkDistDir: e.TOKENFRAME_SDK_DIST,
    masterKey: { key: e.TOKENFRAME_MASTER_KEY, file: e.TOKENFRAME_MASTER_KEY_FILE, previous: e.TOKENFRAME_PREVIOUS_MASTER_KEYS },
    limits: parseLimitConfig(e.TOKENFRAME_RATE_LIMITS),
    trustedProxies: e.TOKENFRAME_TRUSTED_PROXIES,
    ipv6Prefix: e.TOKENFRAME_IPV6_PREFIX,
    metricsToken: e.TOKENFRAME_METRICS_TOKEN,
    database,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.TOKENFRAME_REDIS_PREFIX } : undefined,
    warnings,
  });
}

/**
 * Several vault processes without Redis would each keep their own rate-limit counters and replay
 * fast path: limits multiplied by the process count, silently. `TOKENFRAME_PROCESSES` is the
 * operator's statement of how many processes serve one store. Refused in production, a warning elsewhere.
 */
function scaleOutProblem(processes: number, redis: boolean, postgres: boolean): string | undefined {
  if (processes === 1) return undefined;
  const problems: string[] = [];
  if (!redis)
    problems.push(
      'no REDIS_URL: rate limits, the replay fast path and CVC key generations would be per process (a CVC sealed by one process could not be revealed by another)',
    );
  if (!postgres) problems.push('no postgres:// DATABASE_URL: SQLite is for one host');
  if (problems.length === 0) return undefined;
  return `TOKENFRAME_PROCESSES=${processes} but ${problems.join('; ')}. See docs/operations.md, "Several processes".`;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
