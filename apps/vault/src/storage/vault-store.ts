import type {
  AccountRecord,
  ApiKeyRecord,
  CommitTokenResult,
  EventRecord,
  IdempotencyBegin,
  PurgeCounts,
  SessionRecord,
  StoredResponse,
  TokenRecord,
} from './records';

/**
 * The vault's storage, asynchronous on purpose: SQLite answers synchronously, PostgreSQL does not,
 * and callers must not notice which one they talk to. Every method that writes resolves only after
 * its transaction is durably committed (so a response never acknowledges a write that a crash loses).
 * Multi-step rules that must be atomic (idempotency, session use + replay + token insert, reveal +
 * CVC delete) are single methods here, so each adapter can run them in one transaction.
 */
export interface VaultStore {
  createAccount(account: AccountRecord): Promise<void>;
  findAccount(id: string): Promise<AccountRecord | undefined>;
  findAccountByName(name: string): Promise<AccountRecord | undefined>;
  listAccounts(): Promise<AccountRecord[]>;
  verifyOrigin(accountId: string, origin: string, at: number): Promise<void>;
  isOriginVerified(accountId: string, origin: string): Promise<boolean>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKey(id: string): Promise<ApiKeyRecord | undefined>;
  findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined>;
  listKeys(accountId?: string): Promise<ApiKeyRecord[]>;
  /** Roll: insert the successor and give the old key an end of overlap, in one transaction. */
  rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void>;
  revokeKey(id: string, at: number): Promise<boolean>;

  insertSession(session: SessionRecord): Promise<void>;
  findSession(id: string): Promise<SessionRecord | undefined>;
  isJtiSeen(jti: string): Promise<boolean>;

  /** Claims an Idempotency-Key for a request body, or tells what happened to an earlier claim. */
  beginIdempotent(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin>;
  /** Stores the final response for the key, or releases the claim (`undefined`) so a retry runs again. */
  finishIdempotent(accountId: string, key: string, response: StoredResponse | undefined): Promise<void>;
  /**
   * Atomically: the session is live and belongs to the key, has uses left, the jti is unseen; then
   * records the jti, counts the use, inserts the token and stores the idempotent response.
   */
  commitToken(args: {
    token: TokenRecord;
    sid: string;
    jti: string;
    now: number;
    idempotency: { key: string; response: StoredResponse };
  }): Promise<CommitTokenResult>;

  findToken(id: string): Promise<TokenRecord | undefined>;
  /** Returns the token as it was and deletes its CVC, with an audit row, in one transaction. */
  revealToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<TokenRecord | undefined>;
  persistToken(id: string, at: number): Promise<TokenRecord | undefined>;
  deleteToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<boolean>;
  purgeExpired(now: number): Promise<PurgeCounts>;

  recordEvent(event: EventRecord): Promise<void>;
  /** Newest first: recorded events plus the audit trail of reveals and deletes, for one account in one mode. */
  listEvents(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]>;

  getState(name: string): Promise<string | undefined>;
  putState(name: string, value: string, at: number): Promise<void>;
  /**
   * Inserts `value` unless `name` exists, in one transaction, and returns what is stored then: of
   * two processes creating the vault's secrets at once, both get the winner's value.
   */
  putStateIfAbsent(name: string, value: string, at: number): Promise<string>;
  /** Rewrites every at-rest envelope with `rewrap` (master key rotation), in one transaction. */
  rewrapEnvelopes(rewrap: (envelope: string, field: string) => string): Promise<number>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
