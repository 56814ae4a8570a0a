import type { AccountRecord, ApiKeyRecord } from '../records';
import { insertPg } from '../rows';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import type { KeyStore } from './key-store';
import { accountFromRow, keyFromRow, keyToRow } from './key-rows';

export class PgKeyStore implements KeyStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async createAccount(a: AccountRecord): Promise<void> {
    await run(this.#x, 'INSERT INTO accounts (id, name, created_at) VALUES ($1, $2, $3)', [a.id, a.name, a.createdAt]);
  }
  async findAccount(id: string): Promise<AccountRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM accounts WHERE id = $1', [id]);
    return r && accountFromRow(r);
  }
  async findAccountByName(name: string): Promise<AccountRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM accounts WHERE name = $1', [name]);
    return r && accountFromRow(r);
  }
  async listAccounts(): Promise<AccountRecord[]> {
    return (await all(this.#x, 'SELECT * FROM accounts ORDER BY created_at, id')).map(accountFromRow);
  }
  async verifyOrigin(accountId: string, origin: string, at: number): Promise<void> {
    await run(
      this.#x,
      'INSERT INTO account_origins (account_id, origin, verified_at) VALUES ($1, $2, $3) ON CONFLICT (account_id, origin) DO NOTHING',
      [accountId, origin, at],
    );
  }
  async accountsVerifying(origin: string): Promise<string[]> {
    return (await all(this.#x, 'SELECT account_id FROM account_origins WHERE origin = $1 ORDER BY verified_at, account_id', [origin])).map(
      (r) => (r as { account_id: string }).account_id,
    );
  }
  async isOriginVerified(accountId: string, origin: string): Promise<boolean> {
    return (
      (await one(this.#x, 'SELECT 1 AS ok FROM account_origins WHERE account_id = $1 AND origin = $2', [accountId, origin])) !== undefined
    );
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    await this.#x.q.query(...insertPg('api_keys', keyToRow(k)));
  }
  async findKey(id: string): Promise<ApiKeyRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM api_keys WHERE id = $1', [id]);
    return r && keyFromRow(r);
  }
  async findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM api_keys WHERE hash = $1', [hash]);
    return r && keyFromRow(r);
  }
  async listKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    const rows = accountId
      ? await all(this.#x, 'SELECT * FROM api_keys WHERE account_id = $1 ORDER BY created_at, id', [accountId])
      : await all(this.#x, 'SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(keyFromRow);
  }
  async rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void> {
    await this.#x.tx(async (x) => {
      await run(x, 'UPDATE api_keys SET expires_at = $1 WHERE id = $2 AND (expires_at IS NULL OR expires_at > $1)', [overlapEndsAt, oldId]);
      await x.q.query(...insertPg('api_keys', keyToRow(successor)));
    });
  }
  async revokeKey(id: string, at: number): Promise<boolean> {
    return (await run(this.#x, 'UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }
}
