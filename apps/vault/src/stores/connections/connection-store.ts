import type { ConnectionRecord } from '../records';

/** Processor connections (operator-managed; credentials sealed). */
export interface ConnectionStore {
  insert(c: ConnectionRecord): Promise<void>;
  find(id: string): Promise<ConnectionRecord | undefined>;
  /** Every connection of an account (both modes when `livemode` is omitted), oldest first. */
  list(accountId?: string, livemode?: boolean): Promise<ConnectionRecord[]>;
  delete(id: string): Promise<boolean>;
  /** Rewrites every sealed credentials envelope (master key rotation); returns how many. */
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number>;
}
