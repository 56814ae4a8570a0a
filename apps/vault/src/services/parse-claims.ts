import { detectBrands } from '@tokenframe/card';
import type { SealedClaims } from '@tokenframe/protocol';

const REQUIRED = ['pan', 'expMonth', 'expYear', 'aud', 'pk', 'sid', 'origin', 'iat', 'jti'] as const;
const OPTIONAL = ['cvc', 'name', 'postal', 'network'] as const;
const ALLOWED: readonly string[] = [...REQUIRED, ...OPTIONAL];

const isStr = (v: unknown, max: number, re?: RegExp): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max && (!re || re.test(v));
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * A co-badged card's chosen network (EU IFR art. 8) must be one the number can route on: the frame
 * offers only those, so anything else is a forged or broken claim, not a shopper's mistake.
 */
function isNetworkOf(network: unknown, pan: unknown): boolean {
  if (!isStr(network, 32, /^[a-z_]+$/) || typeof pan !== 'string') return false;
  const brand = detectBrands(pan)[0];
  return brand !== undefined && brand.networks.includes(network);
}

/**
 * The JWE plaintext schema (protocol SealedClaims): exact keys, bounded sizes, plain types.
 * Returns the name of the first bad claim instead of throwing; the name never carries a value.
 */
export function parseClaims(x: unknown): { ok: true; claims: SealedClaims } | { ok: false; claim: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, claim: 'claims' };
  const c = x as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!ALLOWED.includes(k)) return { ok: false, claim: 'claims' };
  const checks: [string, boolean][] = [
    ['pan', isStr(c.pan, 19, /^\d{12,19}$/)],
    ['expMonth', isInt(c.expMonth, 1, 12)],
    ['expYear', isInt(c.expYear, 2000, 2199)],
    ['aud', isStr(c.aud, 255)],
    ['pk', isStr(c.pk, 128)],
    ['sid', isStr(c.sid, 128)],
    ['origin', isStr(c.origin, 255)],
    ['iat', isInt(c.iat, 0, 2 ** 40)],
    ['jti', isStr(c.jti, 128, /^[A-Za-z0-9_-]{16,128}$/)],
    ['cvc', c.cvc === undefined || isStr(c.cvc, 4, /^\d{3,4}$/)],
    ['name', c.name === undefined || isStr(c.name, 200)],
    ['postal', c.postal === undefined || isStr(c.postal, 32)],
    ['network', c.network === undefined || isNetworkOf(c.network, c.pan)],
  ];
  const bad = checks.find(([, ok]) => !ok);
  if (bad) return { ok: false, claim: bad[0] };
  return { ok: true, claims: c as unknown as SealedClaims };
}
