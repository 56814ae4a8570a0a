import { generateKeyPairSync } from 'node:crypto';
import { jwkThumbprint } from './jwk-thumbprint';

/** A P-256 public key as published in the vault's JWKS (what `sealJwe` accepts). */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  use: 'enc';
  alg: 'ECDH-ES';
}

export interface PrivateJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  d: string;
}

/**
 * Lifecycle of a vault encryption key: `next` is published early so frames that cached the JWKS
 * already have it when it becomes `current`; `retiring` no longer appears in the JWKS but still
 * opens JWEs sealed just before a rotation, until the grace period ends.
 */
export type KeyStatus = 'next' | 'current' | 'retiring';

export interface KeyringEntry {
  kid: string;
  status: KeyStatus;
  createdAt: number;
  retiredAt?: number;
  publicJwk: PublicJwk;
  privateJwk: PrivateJwk;
}

export function generateEncryptionKey(now: number, status: KeyStatus = 'next'): KeyringEntry {
  if (!Number.isFinite(now)) throw new TypeError('generateEncryptionKey: now must be a timestamp in milliseconds.');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y, d } = privateKey.export({ format: 'jwk' });
  if (!x || !y || !d) throw new Error('generateEncryptionKey: node:crypto returned an incomplete P-256 JWK.');
  const kid = jwkThumbprint({ crv: 'P-256', kty: 'EC', x, y });
  return {
    kid,
    status,
    createdAt: now,
    publicJwk: { kty: 'EC', crv: 'P-256', x, y, kid, use: 'enc', alg: 'ECDH-ES' },
    privateJwk: { kty: 'EC', crv: 'P-256', x, y, d },
  };
}
