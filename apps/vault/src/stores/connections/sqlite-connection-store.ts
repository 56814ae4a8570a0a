import type { ConnectionRecord } from '../records';
import { insertSql } from '../rows';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { ConnectionStore } from './connection-store';
import { connectionFromRow, connectionToRow } from './connection-rows';

export class SqliteConnectionStore implements ConnectionStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async insert(c: ConnectionRecord): Promise<void> {
    const row = connectionToRow(c);
    await this.#x.write(() => this.#x.run(insertSql('connections', row), row));
  }
  find(id: string): Promise<ConnectionRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM connections WHERE id = ?', id);
      return r ? connectionFromRow(r) : undefined;
    });
  }
  list(accountId?: string, livemode?: boolean): Promise<ConnectionRecord[]> {
    return this.#x.read(() => {
      const rows =
        accountId === undefined
          ? this.#x.all('SELECT * FROM connections ORDER BY created_at, id')
          : livemode === undefined
            ? this.#x.all('SELECT * FROM connections WHERE account_id = ? ORDER BY created_at, id', accountId)
            : this.#x.all(
                'SELECT * FROM connections WHERE account_id = ? AND livemode = ? ORDER BY created_at, id',
                accountId,
                livemode ? 1 : 0,
              );
      return rows.map(connectionFromRow);
    });
  }
  delete(id: string): Promise<boolean> {
    return this.#x.write(() => this.#x.run('DELETE FROM connections WHERE id = ?', id) > 0);
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.write(() => {
      const rows = this.#x.all('SELECT id, credentials_enc FROM connections');
      for (const r of rows)
        this.#x.run('UPDATE connections SET credentials_enc = ? WHERE id = ?', rewrap(r.credentials_enc as string, 'credentials'), r.id);
      return rows.length;
    });
  }
}
