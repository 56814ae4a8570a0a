import type { ApiKeyRecord } from '../stores/records';

export type KeyState = 'active' | 'revoked';

/** A rolled key works until its overlap ends; after that it answers like a revoked one. */
export function keyState(key: ApiKeyRecord, now: number): KeyState {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && key.expiresAt <= now) return 'revoked';
  return 'active';
}
