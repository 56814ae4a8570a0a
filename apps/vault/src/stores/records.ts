/** Rows as the services see them: plain data, no database types (the PostgreSQL adapter returns the same). */
export type KeyType = 'publishable' | 'secret';
export type KeyEnv = 'test' | 'live';

export interface AccountRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  type: KeyType;
  env: KeyEnv;
  /** SHA-256 of the full key; the key itself is shown once and never stored. */
  hash: Buffer;
  /** The first characters of the key, for humans telling keys apart (`pk_test_AbCd…`). */
  hint: string;
  label: string;
  origins: string[];
  scopes: string[];
  ipAllowlist: string[];
  createdAt: number;
  /** Set when the key was rolled: it keeps working until then (the overlap). */
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface SessionRecord {
  id: string;
  accountId: string;
  keyId: string;
  origin: string;
  createdAt: number;
  expiresAt: number;
  maxUses: number;
  uses: number;
}

export interface TokenRecord {
  id: string;
  accountId: string;
  keyId: string;
  livemode: boolean;
  brand: string;
  bin: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
  /** at-rest envelopes (crypto/at-rest), AAD = {account, token, field} */
  panEnc: string;
  cvcEnc: string | null;
  cvcExpiresAt: number | null;
  nameEnc: string | null;
  postalEnc: string | null;
  /**
   * Co-badged cards (EU IFR art. 8): the network the shopper chose in the field, one of the
   * number's networks (e.g. `mastercard` for a Cartes Bancaires card); null when none was chosen.
   * Not card data: it says no more than the brand. Read it with `routingNetwork()` (services/routing-network.ts).
   */
  network: string | null;
  createdAt: number;
  /** null once persisted (card on file) */
  expiresAt: number | null;
}

/** A final response kept under an Idempotency-Key: a success body, or an VaultError re-rendered with the new request id. */
export interface StoredResponse {
  status: number;
  body: string;
  isError?: boolean;
}

export type IdempotencyBegin =
  | { kind: 'new' }
  | { kind: 'stored'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'in_flight' };

export type CommitTokenResult = 'ok' | 'session_expired' | 'session_exhausted' | 'replayed';

export interface PurgeCounts {
  tokens: number;
  cvcs: number;
  sessions: number;
  jtis: number;
  idempotency: number;
}

/**
 * Something the merchant may read at GET /v1/events: security events (`card_testing_suspected`)
 * and the audit trail (`token.revealed`, `token.deleted`). `data` never holds card data beyond
 * BIN/last4-level facts.
 */
export interface EventRecord {
  id: string;
  accountId: string;
  type: string;
  /** The mode of the key or token the event is about: test keys list only test-mode events. */
  livemode: boolean;
  createdAt: number;
  data: Record<string, unknown>;
}
