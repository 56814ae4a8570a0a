import type { TokenRecord } from '../records';
import { insertPg } from '../rows';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import type { ExpiredToken, TokenStore } from './token-store';
import { EXPIRED_COLUMNS, expiredFromRow, TOKEN_FIELDS, tokenFromRow, tokenToRow } from './token-rows';

export class PgTokenStore implements TokenStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async insert(t: TokenRecord): Promise<void> {
    await this.#x.q.query(...insertPg('tokens', tokenToRow(t)));
  }
  async find(id: string): Promise<TokenRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM tokens WHERE id = $1', [id]);
    return r && tokenFromRow(r);
  }
  takeCvc(id: string): Promise<TokenRecord | undefined> {
    return this.#x.tx(async (x) => {
      const r = await one(x, 'SELECT * FROM tokens WHERE id = $1 FOR UPDATE', [id]);
      if (!r) return undefined;
      await run(x, 'UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE id = $1', [id]);
      return tokenFromRow(r);
    });
  }
  persist(id: string, at: number): Promise<TokenRecord | undefined> {
    return this.#x.tx(async (x) => {
      await run(x, 'UPDATE tokens SET expires_at = NULL WHERE id = $1 AND (expires_at IS NULL OR expires_at > $2)', [id, at]);
      const r = await one(x, 'SELECT * FROM tokens WHERE id = $1', [id]);
      return r && tokenFromRow(r);
    });
  }
  async delete(id: string): Promise<{ accountId: string; livemode: boolean } | undefined> {
    const r = await one(this.#x, 'DELETE FROM tokens WHERE id = $1 RETURNING account_id, livemode', [id]);
    return r && { accountId: r.account_id as string, livemode: Number(r.livemode) === 1 };
  }
  purge(now: number): Promise<{ tokens: number; cvcs: number; expired: ExpiredToken[] }> {
    return this.#x.tx(async (x) => {
      const expired = (
        await all(x, `DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= $1 RETURNING ${EXPIRED_COLUMNS}`, [now])
      ).map(expiredFromRow);
      return {
        tokens: expired.length,
        expired,
        cvcs: await run(
          x,
          'UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE cvc_expires_at IS NOT NULL AND cvc_expires_at <= $1',
          [now],
        ),
      };
    });
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.tx(async (x) => {
      let n = 0;
      for (const r of await all(x, 'SELECT * FROM tokens FOR UPDATE')) {
        for (const col of TOKEN_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          await run(x, `UPDATE tokens SET ${col} = $1 WHERE id = $2`, [rewrap(env, col.replace('_enc', '')), r.id]);
          n++;
        }
      }
      return n;
    });
  }
}
