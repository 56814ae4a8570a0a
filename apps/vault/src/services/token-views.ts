import type { TokenCreateResponse } from '@tokenframe/protocol';
import type { TokenRecord } from '../stores/records';

/** What the publishable side sees: brand, last4, expiry. Never BIN or fingerprint. */
export function createdView(t: TokenRecord): TokenCreateResponse {
  return {
    id: t.id,
    card: { brand: t.brand, last4: t.last4, expMonth: t.expMonth, expYear: t.expYear },
    expiresAt: t.expiresAt ?? 0,
    livemode: t.livemode,
  };
}

export interface TokenReadView {
  id: string;
  /** `network`: only for a co-badged card whose shopper chose one (EU IFR art. 8), e.g. `mastercard`. */
  card: { brand: string; bin: string; last4: string; expMonth: number; expYear: number; fingerprint: string; network?: string };
  createdAt: number;
  expiresAt: number | null;
  livemode: boolean;
  cvcPresent: boolean;
}

/**
 * What a secret key with `tokens:read` sees: BIN and last4 at most, and the keyed fingerprint.
 * `cvcPresent`: whether a reveal would return the CVC (TokenService decides: TTL and key generation).
 */
export function readView(t: TokenRecord, cvcPresent: boolean): TokenReadView {
  return {
    id: t.id,
    card: {
      brand: t.brand,
      bin: t.bin,
      last4: t.last4,
      expMonth: t.expMonth,
      expYear: t.expYear,
      fingerprint: t.fingerprint,
      ...(t.network === null ? {} : { network: t.network }),
    },
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    livemode: t.livemode,
    cvcPresent,
  };
}

export interface TokenRevealView {
  id: string;
  card: { number: string; expMonth: number; expYear: number; cvc?: string; name?: string; postal?: string };
}
