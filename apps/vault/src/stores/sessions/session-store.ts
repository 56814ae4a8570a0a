import type { SessionRecord } from '../records';

/** Frame sessions and the jti of every JWE they accepted (the replay authority). */
export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  /** The same, with the row locked until the transaction ends (PostgreSQL `FOR UPDATE`); use inside `transaction`. */
  findForUpdate(id: string): Promise<SessionRecord | undefined>;
  countUse(id: string): Promise<void>;
  isJtiSeen(jti: string): Promise<boolean>;
  /** Records `jti` unless it is already there: true for the first claim only. */
  claimJti(jti: string, expiresAt: number): Promise<boolean>;
  /** Deletes dead sessions and their jti records. */
  purge(now: number): Promise<{ sessions: number; jtis: number }>;
}
