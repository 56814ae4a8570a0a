import type { TokenRecord } from '../records';
import type { ExpiredToken } from './token-store';
import type { Row } from '../rows';

/** The at-rest envelope columns (rewrapped on a master-key rotation). */
export const TOKEN_FIELDS = ['pan_enc', 'cvc_enc', 'name_enc', 'postal_enc'] as const;

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
  network: (r.network as string | null) ?? null,
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
  network: t.network,
  created_at: t.createdAt,
  expires_at: t.expiresAt,
});

export const EXPIRED_COLUMNS = 'id, account_id, livemode, key_id, brand, last4';
export const expiredFromRow = (r: Row): ExpiredToken => ({
  id: r.id as string,
  accountId: r.account_id as string,
  livemode: Number(r.livemode) === 1,
  keyId: r.key_id as string,
  brand: r.brand as string,
  last4: r.last4 as string,
});
