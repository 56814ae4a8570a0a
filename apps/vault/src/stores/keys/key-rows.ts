import type { AccountRecord, ApiKeyRecord } from '../records';
import type { Row } from '../rows';

export const accountFromRow = (r: Row): AccountRecord => ({
  id: r.id as string,
  name: r.name as string,
  createdAt: r.created_at as number,
});

export const keyFromRow = (r: Row): ApiKeyRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  type: r.type as ApiKeyRecord['type'],
  env: r.env as ApiKeyRecord['env'],
  hash: r.hash as Buffer,
  hint: r.hint as string,
  label: r.label as string,
  origins: JSON.parse(r.origins as string) as string[],
  scopes: JSON.parse(r.scopes as string) as string[],
  ipAllowlist: JSON.parse(r.ip_allowlist as string) as string[],
  createdAt: r.created_at as number,
  expiresAt: (r.expires_at as number | null) ?? null,
  revokedAt: (r.revoked_at as number | null) ?? null,
});

export const keyToRow = (k: ApiKeyRecord): Row => ({
  id: k.id,
  account_id: k.accountId,
  type: k.type,
  env: k.env,
  hash: k.hash,
  hint: k.hint,
  label: k.label,
  origins: JSON.stringify(k.origins),
  scopes: JSON.stringify(k.scopes),
  ip_allowlist: JSON.stringify(k.ipAllowlist),
  created_at: k.createdAt,
  expires_at: k.expiresAt,
  revoked_at: k.revokedAt,
});
