import type { EventRecord, SessionRecord, StoredResponse, TokenRecord } from '../records';

/** Everything a tokenization writes, for a backend that commits it in one statement. */
export interface TokenCommit {
  sid: string;
  keyId: string;
  jti: string;
  now: number;
  token: TokenRecord;
  /** The Idempotency-Key claim the response is stored under. */
  idempotency: { accountId: string; key: string; response: StoredResponse };
  /** `token.created`, recorded with its webhook outbox rows in the same statement (as `events.record` would). */
  event: EventRecord;
}
/**
 * The session row as the commit locked it (undefined: no such session) and whether the jti was
 * claimed. Written only when the session rule passed and the jti was new; the caller turns this into
 * the verdict with services/session-rule.ts (`commitVerdict`).
 */
export interface TokenCommitResult {
  session: SessionRecord | undefined;
  claimed: boolean;
}
