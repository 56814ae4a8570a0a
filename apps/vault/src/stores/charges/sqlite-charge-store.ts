import type { ChargeRecord } from '../records';
import { insertSql } from '../rows';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { ChargeStore } from './charge-store';
import { chargeFromRow, chargeToRow, MUTABLE, mutableValues, RECONCILE_WHERE } from './charge-rows';

const RECONCILE = `SELECT * FROM charges WHERE ${RECONCILE_WHERE.replace('{1}', '?').replace('{2}', '?')} ORDER BY updated_at LIMIT ?`;
const UPDATE = `UPDATE charges SET ${MUTABLE.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`;

export class SqliteChargeStore implements ChargeStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async insert(c: ChargeRecord): Promise<void> {
    const row = chargeToRow(c);
    await this.#x.write(() => this.#x.run(insertSql('charges', row), row));
  }
  find(id: string): Promise<ChargeRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM charges WHERE id = ?', id);
      return r ? chargeFromRow(r) : undefined;
    });
  }
  findForUpdate(id: string): Promise<ChargeRecord | undefined> {
    return this.find(id);
  }
  findByIdempotencyKey(accountId: string, key: string): Promise<ChargeRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM charges WHERE account_id = ? AND idempotency_key = ?', accountId, key);
      return r ? chargeFromRow(r) : undefined;
    });
  }
  async update(c: ChargeRecord): Promise<void> {
    await this.#x.write(() => this.#x.run(UPDATE, ...mutableValues(c), c.id));
  }
  listForReconcile(o: { pendingBefore: number; failedSince: number; limit: number }): Promise<ChargeRecord[]> {
    return this.#x.read(() => this.#x.all(RECONCILE, o.pendingBefore, o.failedSince, o.limit).map(chargeFromRow));
  }
}
