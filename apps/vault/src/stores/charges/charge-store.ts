import type { ChargeRecord } from '../records';

/** Charges: one row per authorization attempt, updated as it is captured, voided or refunded. */
export interface ChargeStore {
  insert(c: ChargeRecord): Promise<void>;
  find(id: string): Promise<ChargeRecord | undefined>;
  /** The row locked for the enclosing transaction (FOR UPDATE on PostgreSQL; SQLite has one writer). */
  findForUpdate(id: string): Promise<ChargeRecord | undefined>;
  /** The charge created under a scoped Idempotency-Key: a retry after a lost answer finds it instead of authorizing again. */
  findByIdempotencyKey(accountId: string, key: string): Promise<ChargeRecord | undefined>;
  /** Writes every mutable column of `c` (status, amounts, processor facts, failure, updatedAt). */
  update(c: ChargeRecord): Promise<void>;
  /**
   * What the reconciliation sweep looks at, oldest first: charges still `pending` since before
   * `pendingBefore` (their request died mid-recovery), and charges that `failed` on a processor
   * timeout or error since `failedSince` (a slow processor may book their authorization late).
   */
  listForReconcile(o: { pendingBefore: number; failedSince: number; limit: number }): Promise<ChargeRecord[]>;
}
