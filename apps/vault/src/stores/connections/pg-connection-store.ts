import type { ConnectionRecord } from '../records';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import { insertPg } from '../rows';
import type { ConnectionStore } from './connection-store';
import { connectionFromRow, connectionToRow } from './connection-rows';

export class PgConnectionStore implements ConnectionStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async insert(c: ConnectionRecord): Promise<void> {
    const [sql, params] = insertPg('connections', connectionToRow(c));
    await run(this.#x, sql, params);
  }
  async find(id: string): Promise<ConnectionRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM connections WHERE id = $1', [id]);
    return r ? connectionFromRow(r) : undefined;
  }
  async list(accountId?: string, livemode?: boolean): Promise<ConnectionRecord[]> {
    const rows =
      accountId === undefined
        ? await all(this.#x, 'SELECT * FROM connections ORDER BY created_at, id')
        : livemode === undefined
          ? await all(this.#x, 'SELECT * FROM connections WHERE account_id = $1 ORDER BY created_at, id', [accountId])
          : await all(this.#x, 'SELECT * FROM connections WHERE account_id = $1 AND livemode = $2 ORDER BY created_at, id', [
              accountId,
              livemode ? 1 : 0,
            ]);
    return rows.map(connectionFromRow);
  }
  async delete(id: string): Promise<boolean> {
    return (await run(this.#x, 'DELETE FROM connections WHERE id = $1', [id])) > 0;
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.tx(async (x) => {
      const rows = await all(x, 'SELECT id, credentials_enc FROM connections FOR UPDATE');
      for (const r of rows)
        await run(x, 'UPDATE connections SET credentials_enc = $1 WHERE id = $2', [
          rewrap(r.credentials_enc as string, 'credentials'),
          r.id,
        ]);
      return rows.length;
    });
  }
}
