import type { ApiKeyRecord, KeyEnv, KeyType } from '../stores/records';

export interface CreateKeyInput {
  account: string; // name or acct_ id; created when unknown
  type: KeyType;
  env: KeyEnv;
  origins?: string[];
  scopes?: string[];
  ips?: string[];
  label?: string;
}
/** What the CLI prints once: the only time the full key exists outside the caller's hands. */
export interface CreatedKey {
  id: string;
  key: string;
  account: string;
  type: KeyType;
  env: KeyEnv;
  origins: string[];
  scopes: string[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };
export type AuthResult = { ok: true; key: ApiKeyRecord } | { ok: false; code: 'invalid_api_key' | 'revoked_key' };

export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
