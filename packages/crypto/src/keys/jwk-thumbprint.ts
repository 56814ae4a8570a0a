import { createHash } from 'node:crypto';

/**
 * RFC 7638 JWK thumbprint of an EC public key: base64url SHA-256 of the required members in
 * lexicographic order with no whitespace. Used as the `kid`, so a kid names exactly one key.
 */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}
