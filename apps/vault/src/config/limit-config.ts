/** One limit: `points` per `seconds`. */
export interface Limit {
  points: number;
  seconds: number;
}
export const LIMIT_NAMES = [
  'perKey',
  'perIp',
  'perSession',
  'perFingerprint',
  'perBin',
  'distinctCardsPerBin',
  'distinctCardsPerIp',
  'distinctCardsPerBinLast4',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type TokenizeLimits = Record<LimitName, Limit>;

/**
 * Defaults for POST /v1/tokens, counted per publishable key's scope. Attempts count whether they
 * succeed or not (a card tester's attempts mostly fail). The two `distinctCards…` limits count
 * distinct Luhn-valid card numbers (by keyed fingerprint) and are the card-testing detector.
 * `distinctCardsPerBinLast4` closes the fingerprint oracle (docs/security.md, "Card-number sweeps"):
 * a secret key with `tokens:read` sees BIN, last4 and fingerprint, so tokenizing every candidate
 * for the hidden digits and comparing fingerprints would recover the number; an account rarely
 * sees more than one or two distinct cards sharing BIN8 *and* last4 in a day.
 */
export const DEFAULT_TOKENIZE_LIMITS: TokenizeLimits = {
  perKey: { points: 3000, seconds: 60 },
  perIp: { points: 60, seconds: 60 },
  perSession: { points: 10, seconds: 600 },
  perFingerprint: { points: 10, seconds: 600 },
  perBin: { points: 600, seconds: 60 },
  distinctCardsPerBin: { points: 25, seconds: 600 },
  distinctCardsPerIp: { points: 5, seconds: 600 },
  distinctCardsPerBinLast4: { points: 3, seconds: 86_400 },
};

export interface LimitConfig {
  default: TokenizeLimits;
  /** Overrides by API key id (`key_…`), merged over the defaults. */
  keys: Record<string, Partial<TokenizeLimits>>;
}

function parseLimits(x: unknown, where: string): Partial<TokenizeLimits> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${where} must be an object of limits.`);
  const out: Partial<TokenizeLimits> = {};
  for (const [name, v] of Object.entries(x)) {
    if (!(LIMIT_NAMES as readonly string[]).includes(name))
      throw new Error(`${where}: unknown limit "${name}". Limits: ${LIMIT_NAMES.join(', ')}.`);
    const ok = Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n > 0);
    if (!ok) throw new Error(`${where}.${name} must be [points, seconds], two positive integers.`);
    out[name as LimitName] = { points: v[0] as number, seconds: v[1] as number };
  }
  return out;
}

/**
 * `TOKENFRAME_RATE_LIMITS` (JSON): `{"default": {"perIp": [60, 60]}, "keys": {"key_…": {"perKey": [100, 60]}}}`.
 * Every process of one deployment must get the same value (they share the counters).
 */
export function parseLimitConfig(raw: string | undefined): LimitConfig {
  if (!raw) return { default: DEFAULT_TOKENIZE_LIMITS, keys: {} };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('TOKENFRAME_RATE_LIMITS is not valid JSON.');
  }
  const { default: d = {}, keys = {}, ...rest } = json as { default?: unknown; keys?: unknown };
  if (Object.keys(rest).length) throw new Error('TOKENFRAME_RATE_LIMITS has only "default" and "keys".');
  const perKey: Record<string, Partial<TokenizeLimits>> = {};
  if (typeof keys !== 'object' || keys === null) throw new Error('TOKENFRAME_RATE_LIMITS.keys must be an object.');
  for (const [id, v] of Object.entries(keys)) perKey[id] = parseLimits(v, `TOKENFRAME_RATE_LIMITS.keys.${id}`);
  return { default: { ...DEFAULT_TOKENIZE_LIMITS, ...parseLimits(d, 'TOKENFRAME_RATE_LIMITS.default') }, keys: perKey };
}

export function limitsFor(config: LimitConfig, keyId: string): TokenizeLimits {
  return { ...config.default, ...config.keys[keyId] };
}
