import type { AccountRecord, ApiKeyRecord } from '../records';

/** Accounts, their verified origins and their API keys. */
export interface KeyStore {
  createAccount(account: AccountRecord): Promise<void>;
  findAccount(id: string): Promise<AccountRecord | undefined>;
  findAccountByName(name: string): Promise<AccountRecord | undefined>;
  listAccounts(): Promise<AccountRecord[]>;
  verifyOrigin(accountId: string, origin: string, at: number): Promise<void>;
  isOriginVerified(accountId: string, origin: string): Promise<boolean>;
  /** The accounts that have verified `origin`, oldest verification first. */
  accountsVerifying(origin: string): Promise<string[]>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKey(id: string): Promise<ApiKeyRecord | undefined>;
  findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined>;
  listKeys(accountId?: string): Promise<ApiKeyRecord[]>;
  /** Roll: insert the successor and give the old key an end of overlap, in one transaction. */
  rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void>;
  revokeKey(id: string, at: number): Promise<boolean>;
}
