import type { IdempotencyBegin, StoredResponse } from '../records';

/** Claims and final responses under Idempotency-Keys (services/idempotency.ts is the one caller). */
export interface IdempotencyStore {
  /** Claims an Idempotency-Key for a request hash, or tells what happened to an earlier claim. */
  begin(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin>;
  /** Stores the final response for the key, or releases the claim (`undefined`) so a retry runs again. */
  finish(accountId: string, key: string, response: StoredResponse | undefined): Promise<void>;
  /** Deletes records older than the 24 h retention. */
  purge(now: number): Promise<number>;
}

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
