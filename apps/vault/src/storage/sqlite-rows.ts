import type { AccountRecord, ApiKeyRecord, SessionRecord, TokenRecord } from './records';

/**
 * Column ↔ record mapping for the SQLite adapter, also used by the PostgreSQL one (its schema keeps the
 * same columns: snake_case, JSON arrays as TEXT, booleans as 0/1; pg-pool reads BIGINT as a number).
 */
export type Row = Record<string, unknown>;

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

export const sessionFromRow = (r: Row): SessionRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  keyId: r.key_id as string,
  origin: r.origin as string,
  createdAt: r.created_at as number,
  expiresAt: r.expires_at as number,
  maxUses: r.max_uses as number,
  uses: r.uses as number,
});

export const tokenFromRow = (r: Row): TokenRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  keyId: r.key_id as string,
  livemode: r.livemode === 1,
  brand: r.brand as string,
  bin: r.bin as string,
  last4: r.last4 as string,
  expMonth: r.exp_month as number,
  expYear: r.exp_year as number,
  fingerprint: r.fingerprint as string,
  panEnc: r.pan_enc as string,
  cvcEnc: (r.cvc_enc as string | null) ?? null,
  cvcExpiresAt: (r.cvc_expires_at as number | null) ?? null,
  nameEnc: (r.name_enc as string | null) ?? null,
  postalEnc: (r.postal_enc as string | null) ?? null,
  createdAt: r.created_at as number,
  expiresAt: (r.expires_at as number | null) ?? null,
});

export const tokenToRow = (t: TokenRecord): Row => ({
  id: t.id,
  account_id: t.accountId,
  key_id: t.keyId,
  livemode: t.livemode ? 1 : 0,
  brand: t.brand,
  bin: t.bin,
  last4: t.last4,
  exp_month: t.expMonth,
  exp_year: t.expYear,
  fingerprint: t.fingerprint,
  pan_enc: t.panEnc,
  cvc_enc: t.cvcEnc,
  cvc_expires_at: t.cvcExpiresAt,
  name_enc: t.nameEnc,
  postal_enc: t.postalEnc,
  created_at: t.createdAt,
  expires_at: t.expiresAt,
});

export function insertSql(table: string, row: Row): string {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
}
