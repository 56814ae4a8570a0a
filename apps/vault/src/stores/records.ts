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
  /**
   * A response that is replayed only to the client that caused it, and only until `until` (the
   * created token: its session's end). `client` is services/idempotency.ts's tag of that client.
   */
  replayTo?: { until: number; client: string };
}

export type IdempotencyBegin =
  { kind: 'new' } | { kind: 'stored'; response: StoredResponse } | { kind: 'conflict' } | { kind: 'in_flight' };

export type CommitTokenResult = 'ok' | 'session_expired' | 'session_exhausted' | 'replayed';

export interface PurgeCounts {
  tokens: number;
  cvcs: number;
  sessions: number;
  jtis: number;
  idempotency: number;
  /** Finished webhook deliveries and attempts older than their retention. */
  webhooks: number;
}

/**
 * Something the merchant may read at GET /v1/events: events (`token.created`, `card_testing.suspected`, `key.rolled`, …)
 * and the audit trail's reveals (`token.revealed`); every recorded event is also sent as a webhook. `data` never holds card data beyond
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

/** A processor connection set up by the operator (DESIGN.md "Spending a token"). */
export interface ConnectionRecord {
  id: string;
  accountId: string;
  livemode: boolean;
  kind: 'cardpointe';
  /** The processor's base URL as the operator gave it (no trailing slash). */
  url: string;
  merchid: string;
  /** `{username, password}` as JSON, sealed under the master key (AAD: account, connection id, field `credentials`). */
  credentialsEnc: string;
  createdAt: number;
}

export type ChargeStatus = 'pending' | 'authorized' | 'succeeded' | 'declined' | 'voided' | 'failed';

/** What the processor said, as the merchant may see it (never the card, never the processor's card token). */
export interface ProcessorFacts {
  name: string;
  authcode: string;
  retref: string;
  respcode: string;
  resptext: string;
  respstat: string;
  avsresp: string;
  cvvresp: string;
}

export interface ChargeRecord {
  id: string;
  accountId: string;
  keyId: string;
  livemode: boolean;
  connectionId: string;
  tokenId: string;
  /** The scoped Idempotency-Key (`key_…:<header>`) the charge was created under: a retry finds it. */
  idempotencyKey: string | null;
  /** The merchant's order reference (the processor's `orderid` is the charge id). */
  orderId: string | null;
  amount: number;
  currency: string;
  capture: boolean;
  status: ChargeStatus;
  amountAuthorized: number;
  amountCaptured: number;
  amountRefunded: number;
  brand: string;
  last4: string;
  /** A co-badged card's chosen network, copied from the token (`routingNetwork`); null otherwise. */
  network: string | null;
  processor: ProcessorFacts;
  /** The processor's own token for the card: kept for the processor, never shown. */
  processorAccount: string | null;
  /** Why a charge failed or declined (`card_declined`, `processor_timeout`, …). */
  failureCode: string | null;
  createdAt: number;
  updatedAt: number;
}
