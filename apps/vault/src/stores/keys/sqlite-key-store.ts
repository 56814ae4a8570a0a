import type { AccountRecord, ApiKeyRecord } from '../records';
import { insertSql } from '../rows';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { KeyStore } from './key-store';
import { accountFromRow, keyFromRow, keyToRow } from './key-rows';

export class SqliteKeyStore implements KeyStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async createAccount(a: AccountRecord): Promise<void> {
    await this.#x.write(() => this.#x.run('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)', a.id, a.name, a.createdAt));
  }
  findAccount(id: string): Promise<AccountRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM accounts WHERE id = ?', id);
      return r && accountFromRow(r);
    });
  }
  findAccountByName(name: string): Promise<AccountRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM accounts WHERE name = ?', name);
      return r && accountFromRow(r);
    });
  }
  listAccounts(): Promise<AccountRecord[]> {
    return this.#x.read(() => this.#x.all('SELECT * FROM accounts ORDER BY created_at').map(accountFromRow));
  }
  async verifyOrigin(accountId: string, origin: string, at: number): Promise<void> {
    await this.#x.write(() =>
      this.#x.run('INSERT OR IGNORE INTO account_origins (account_id, origin, verified_at) VALUES (?, ?, ?)', accountId, origin, at),
    );
  }
  accountsVerifying(origin: string): Promise<string[]> {
    return this.#x.read(() =>
      this.#x
        .all('SELECT account_id FROM account_origins WHERE origin = ? ORDER BY verified_at, account_id', origin)
        .map((r) => (r as { account_id: string }).account_id),
    );
  }
  isOriginVerified(accountId: string, origin: string): Promise<boolean> {
    return this.#x.read(
      () => this.#x.get('SELECT 1 AS ok FROM account_origins WHERE account_id = ? AND origin = ?', accountId, origin) !== undefined,
    );
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    const row = keyToRow(k);
    await this.#x.write(() => this.#x.run(insertSql('api_keys', row), row));
  }
  findKey(id: string): Promise<ApiKeyRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM api_keys WHERE id = ?', id);
      return r && keyFromRow(r);
    });
  }
  findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM api_keys WHERE hash = ?', hash);
      return r && keyFromRow(r);
    });
  }
  listKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    return this.#x.read(() =>
      (accountId
        ? this.#x.all('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at', accountId)
        : this.#x.all('SELECT * FROM api_keys ORDER BY created_at')
      ).map(keyFromRow),
    );
  }
  async rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void> {
    const row = keyToRow(successor);
    await this.#x.write(() => {
      this.#x.run(
        'UPDATE api_keys SET expires_at = ? WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)',
        overlapEndsAt,
        oldId,
        overlapEndsAt,
      );
      this.#x.run(insertSql('api_keys', row), row);
    });
  }
  async revokeKey(id: string, at: number): Promise<boolean> {
    return (await this.#x.write(() => this.#x.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id))) === 1;
  }
}
