import type { TokenRecord } from '../records';
import { insertSql } from '../rows';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { ExpiredToken, TokenStore } from './token-store';
import { EXPIRED_COLUMNS, expiredFromRow, TOKEN_FIELDS, tokenFromRow, tokenToRow } from './token-rows';

export class SqliteTokenStore implements TokenStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async insert(t: TokenRecord): Promise<void> {
    const row = tokenToRow(t);
    await this.#x.write(() => this.#x.run(insertSql('tokens', row), row));
  }
  find(id: string): Promise<TokenRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM tokens WHERE id = ?', id);
      return r && tokenFromRow(r);
    });
  }
  takeCvc(id: string): Promise<TokenRecord | undefined> {
    return this.#x.write(() => {
      const r = this.#x.get('SELECT * FROM tokens WHERE id = ?', id);
      if (!r) return undefined;
      this.#x.run('UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE id = ?', id);
      return tokenFromRow(r);
    });
  }
  persist(id: string, at: number): Promise<TokenRecord | undefined> {
    return this.#x.write(() => {
      this.#x.run('UPDATE tokens SET expires_at = NULL WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)', id, at);
      const r = this.#x.get('SELECT * FROM tokens WHERE id = ?', id);
      return r && tokenFromRow(r);
    });
  }
  delete(id: string): Promise<{ accountId: string; livemode: boolean } | undefined> {
    return this.#x.write(() => {
      const r = this.#x.get('SELECT account_id, livemode FROM tokens WHERE id = ?', id);
      if (!r) return undefined;
      this.#x.run('DELETE FROM tokens WHERE id = ?', id);
      return { accountId: r.account_id as string, livemode: Number(r.livemode) === 1 };
    });
  }
  purge(now: number): Promise<{ tokens: number; cvcs: number; expired: ExpiredToken[] }> {
    return this.#x.write(() => {
      const expired = this.#x
        .all(`DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= ? RETURNING ${EXPIRED_COLUMNS}`, now)
        .map(expiredFromRow);
      return {
        tokens: expired.length,
        expired,
        cvcs: this.#x.run(
          'UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE cvc_expires_at IS NOT NULL AND cvc_expires_at <= ?',
          now,
        ),
      };
    });
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.write(() => {
      let n = 0;
      for (const r of this.#x.all('SELECT * FROM tokens')) {
        for (const col of TOKEN_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          this.#x.run(`UPDATE tokens SET ${col} = ? WHERE id = ?`, rewrap(env, col.replace('_enc', '')), r.id);
          n++;
        }
      }
      return n;
    });
  }
}
