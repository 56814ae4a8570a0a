import { z } from 'zod';
import { canonicalOrigin } from '../auth/canonical-origin';
import { parseIpRanges } from '../auth/ip-ranges';

/**
 * One environment variable: the schema its text must satisfy and, for the error message, what it
 * accepts. Every variable the vault reads is in ENV_VARS (docs/operations.md, "Configuration"
 * lists the same names with their defaults); loadVaultConfig reads nothing else.
 */
export interface EnvVar<T> {
  accepts: string;
  schema: z.ZodType<T, string | undefined>;
}

const blank = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s);
const v = <T>(accepts: string, schema: z.ZodType<T, string | undefined>): EnvVar<T> => ({ accepts, schema });
const opt = z.string().optional().transform(blank);

/** A whole number ≥ min written in decimal digits, or unset. */
const num = (min: number) =>
  opt
    .refine((s) => s === undefined || (/^\d{1,15}$/.test(s) && Number(s) >= min))
    .transform((s) => (s === undefined ? undefined : Number(s)));
const int = (min: number, fallback: number) =>
  v(
    `an integer ≥ ${min} (default ${fallback})`,
    num(min).transform((n) => n ?? fallback),
  );
const optionalInt = (min: number, what: string) => v(what, num(min));
const text = (accepts: string) => v(accepts, opt);
const flag = (accepts: string, on: (s: string | undefined) => boolean) => v(accepts, z.string().optional().transform(on));

const origin = v(
  'an origin like https://vault.example.com (scheme, host, optional port; no path)',
  opt.refine((s) => s === undefined || canonicalOrigin(s.replace(/\/$/, '')) !== undefined).transform((s) => s && s.replace(/\/$/, '')),
);
const list = (separator: RegExp) => opt.transform((s) => (s ?? '').split(separator).filter(Boolean));

export const ENV_VARS = {
  HOST: v(
    'a host name or address to bind (default 127.0.0.1)',
    opt.transform((s) => s ?? '127.0.0.1'),
  ),
  PORT: int(0, 4000),
  FRAMES_PORT: int(0, 4001),
  NODE_ENV: text('any text; "production" disables development fallbacks'),
  LOG_LEVEL: v(
    'one of fatal, error, warn, info, debug, trace, silent (default info)',
    opt.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  ),
  TOKENFRAME_DATA_DIR: text('a folder path (default .tokenframe/ at the workspace root)'),
  TOKENFRAME_API_URL: origin,
  TOKENFRAME_FRAMES_URL: origin,
  TOKENFRAME_FONT_HOSTS: v(
    'space-separated canonical origins',
    list(/\s+/).refine((hs) => hs.every((h) => canonicalOrigin(h) !== undefined)),
  ),
  TOKENFRAME_TOKEN_TTL_SECONDS: int(0, 30 * 60),
  TOKENFRAME_SESSION_TTL_SECONDS: int(0, 30 * 60),
  TOKENFRAME_SESSION_MAX_USES: int(0, 5),
  TOKENFRAME_SESSION_RATE_PER_MINUTE: int(0, 60),
  TOKENFRAME_FRAME_LOOKUPS_PER_MINUTE: int(1, 600),
  TOKENFRAME_PURGE_INTERVAL_SECONDS: int(0, 60),
  TOKENFRAME_CVC_TTL_SECONDS: int(0, 10 * 60),
  TOKENFRAME_GROUP_COMMIT: flag('0 to turn group commit off (default on)', (s) => s !== '0'),
  TOKENFRAME_WEBHOOK_POLL_MS: int(10, 1000),
  TOKENFRAME_WEBHOOK_LEASE_SECONDS: int(2, 60),
  TOKENFRAME_ALLOW_PRIVATE_NETWORK: flag('1 to allow loopback/private addresses for test-mode objects (default off)', (s) => s === '1'),
  TOKENFRAME_PROCESSOR_TIMEOUT_MS: int(1, 15_000),
  TOKENFRAME_CHARGE_MAX_AMOUNT: int(1, 99_999_999),
  TOKENFRAME_FRAME_DIST: text('a folder path (default apps/frame/dist/frames/v1)'),
  TOKENFRAME_SDK_DIST: text('a folder path (default packages/sdk/dist)'),
  TOKENFRAME_MASTER_KEY: text('32 bytes as base64 (e.g. `openssl rand -base64 32`)'),
  TOKENFRAME_MASTER_KEY_FILE: text('a path to a file holding the base64 master key'),
  TOKENFRAME_PREVIOUS_MASTER_KEYS: v('comma-separated base64 master keys', list(/,/)),
  TOKENFRAME_RATE_LIMITS: text('JSON: {"default": {"perIp": [60, 60]}, "keys": {"key_…": {…}}}'),
  TOKENFRAME_IPV6_PREFIX: v(
    'an integer 32–128 (default 64)',
    num(32)
      .refine((n) => n === undefined || n <= 128)
      .transform((n) => n ?? 64),
  ),
  TOKENFRAME_TRUSTED_PROXIES: v(
    'space- or comma-separated IP addresses and CIDR ranges',
    list(/[\s,]+/).refine((xs) => parseIpRanges(xs).ok),
  ),
  TOKENFRAME_METRICS_TOKEN: v(
    'at least 16 characters (e.g. `openssl rand -hex 24`)',
    opt.refine((s) => s === undefined || s.length >= 16),
  ),
  TOKENFRAME_PROCESSES: v(
    'a positive integer (default 1)',
    num(1).transform((n) => n ?? 1),
  ),
  REDIS_URL: v(
    'a redis:// or rediss:// URL',
    opt.refine((s) => s === undefined || /^rediss?:\/\//.test(s)),
  ),
  TOKENFRAME_REDIS_PREFIX: v(
    'a key prefix (default tf:)',
    z
      .string()
      .optional()
      .transform((s) => s ?? 'tf:'),
  ),
  DATABASE_URL: v(
    'a postgres:// or postgresql:// URL (unset it to use the embedded SQLite store)',
    opt.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s)),
  ),
  TOKENFRAME_PG_SCHEMA: v(
    'a plain lower-case identifier',
    opt.refine((s) => s === undefined || /^[a-z_][a-z0-9_]{0,62}$/.test(s)),
  ),
  TOKENFRAME_PG_POOL_SIZE: v(
    'a positive integer (default 10)',
    num(1).transform((n) => n ?? 10),
  ),
  TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS: optionalInt(0, 'a whole number of milliseconds (default 2000)'),
} as const;

export type EnvName = keyof typeof ENV_VARS;
export type ParsedEnv = { [K in EnvName]: z.output<(typeof ENV_VARS)[K]['schema']> };

/** Parses every variable; the first bad one throws a message naming it and what it accepts. */
export function parseEnv(env: Readonly<Record<string, string | undefined>>): ParsedEnv {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ENV_VARS) as [EnvName, EnvVar<unknown>][]) {
    const r = spec.schema.safeParse(env[name]);
    if (!r.success) throw new Error(`${name} must be ${spec.accepts}, got "${env[name] ?? ''}".`);
    out[name] = r.data;
  }
  return out as ParsedEnv;
}
