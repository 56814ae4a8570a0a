import type { TokenRecord } from '../records';

/** What a token.expired event says about the token the purge deleted. */
export interface ExpiredToken {
  id: string;
  accountId: string;
  livemode: boolean;
  keyId: string;
  brand: string;
  last4: string;
}

/** Tokens and their sealed card fields. */
export interface TokenStore {
  insert(token: TokenRecord): Promise<void>;
  find(id: string): Promise<TokenRecord | undefined>;
  /** Returns the token as it was and deletes its CVC, atomically (the row is locked on PostgreSQL). */
  takeCvc(id: string): Promise<TokenRecord | undefined>;
  /** Card on file: no expiry any more, unless it already expired. */
  persist(id: string, at: number): Promise<TokenRecord | undefined>;
  /** Deletes the token; returns what its audit row needs, or undefined when there was none. */
  delete(id: string): Promise<{ accountId: string; livemode: boolean } | undefined>;
  /** Deletes expired tokens (returning what their token.expired events need) and clears CVCs past their TTL. */
  purge(now: number): Promise<{ tokens: number; cvcs: number; expired: ExpiredToken[] }>;
  /** Rewrites every at-rest envelope (master key rotation); returns how many. */
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number>;
}
