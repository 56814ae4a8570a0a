import { createPrivateKey, type KeyObject } from 'node:crypto';
import { generateEncryptionKey, type KeyringEntry, type PublicJwk } from './generate-encryption-key';

/**
 * The vault's rotating set of JWE keys as plain JSON state (store it, encrypted, wherever the vault
 * keeps secrets). Every function is pure: it returns a new state and never mutates its input.
 *
 *   createKeyring:  [current, next]
 *   rotateKeyring:  next → current, current → retiring (retiredAt = now), a fresh next
 *   pruneKeyring:   drops retiring keys whose grace period has passed
 *   jwksOf:         what frames may seal to (current + next)
 *   privateKeyFor:  what the vault may open with (current + next + retiring)
 */
export interface KeyringState {
  version: 1;
  keys: KeyringEntry[];
}

export function createKeyring(now: number): KeyringState {
  return { version: 1, keys: [generateEncryptionKey(now, 'current'), generateEncryptionKey(now, 'next')] };
}

export function rotateKeyring(state: KeyringState, now: number): KeyringState {
  if (!state.keys.some((key) => key.status === 'next')) {
    throw new Error('rotateKeyring: the keyring has no "next" key; create it with createKeyring().');
  }
  const rotated = state.keys.map((key): KeyringEntry => {
    if (key.status === 'next') return { ...key, status: 'current' };
    if (key.status === 'current') return { ...key, status: 'retiring', retiredAt: now };
    return key;
  });
  return { version: 1, keys: [...rotated, generateEncryptionKey(now, 'next')] };
}

export function pruneKeyring(state: KeyringState, now: number, graceMs: number): KeyringState {
  if (!(graceMs >= 0)) throw new RangeError('pruneKeyring: graceMs must be a non-negative number of milliseconds.');
  const keep = (key: KeyringEntry) => key.status !== 'retiring' || now - (key.retiredAt ?? key.createdAt) < graceMs;
  return { version: 1, keys: state.keys.filter(keep) };
}

export function jwksOf(state: KeyringState): { keys: PublicJwk[] } {
  const published = state.keys.filter((key) => key.status === 'current' || key.status === 'next');
  return { keys: published.map((key) => ({ ...key.publicJwk })) };
}

/** Imports the private keys once; the returned lookup is what `openJwe` takes. */
export function privateKeyFor(state: KeyringState): (kid: string) => KeyObject | undefined {
  const byKid = new Map<string, KeyObject>();
  for (const key of state.keys) byKid.set(key.kid, createPrivateKey({ key: { ...key.privateJwk }, format: 'jwk' }));
  return (kid) => byKid.get(kid);
}
