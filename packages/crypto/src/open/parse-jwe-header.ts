import { base64urlLength, decodeBase64url } from '../node/base64url';

/**
 * The protected-header policy, applied before any key lookup or crypto. Exactly the members our
 * `seal` writes are allowed, so `zip`, `crit`, `jku`, `x5u`, `apu`/`apv` and every other algorithm
 * (RSA1_5, dir, PBES2-*, ECDH-ES+A*KW, none…) fail here, cheaply and the same way.
 */
export const MAX_HEADER_BYTES = 1024;
const MAX_KID_LENGTH = 128;
const HEADER_KEYS = ['alg', 'enc', 'epk', 'kid'];
const EPK_KEYS = ['crv', 'kty', 'x', 'y'];
const COORDINATE_CHARS = base64urlLength(32);

export interface JweHeader {
  kid: string;
  epkX: Buffer;
  epkY: Buffer;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value).sort();
  return own.length === keys.length && own.every((key, i) => key === keys[i]);
}

function coordinate(value: unknown): Buffer | undefined {
  if (typeof value !== 'string' || value.length !== COORDINATE_CHARS) return undefined;
  return decodeBase64url(value);
}

export function parseJweHeader(segment: string): JweHeader | undefined {
  if (segment.length === 0 || segment.length > base64urlLength(MAX_HEADER_BYTES)) return undefined;
  const bytes = decodeBase64url(segment);
  if (!bytes) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isPlainObject(header) || !hasExactly(header, HEADER_KEYS)) return undefined;
  const { alg, enc, kid, epk } = header;
  if (alg !== 'ECDH-ES' || enc !== 'A256GCM') return undefined;
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) return undefined;
  if (!isPlainObject(epk) || !hasExactly(epk, EPK_KEYS) || epk.kty !== 'EC' || epk.crv !== 'P-256') return undefined;
  const epkX = coordinate(epk.x);
  const epkY = coordinate(epk.y);
  return epkX && epkY ? { kid, epkX, epkY } : undefined;
}
