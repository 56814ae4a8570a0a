import type { ChargeRecord } from '../records';
import { all, one, run, type PgExec } from '../postgres/pg-exec';
import { insertPg } from '../rows';
import type { ChargeStore } from './charge-store';
import { chargeFromRow, chargeToRow, MUTABLE, mutableValues, RECONCILE_WHERE } from './charge-rows';

const RECONCILE = `SELECT * FROM charges WHERE ${RECONCILE_WHERE.replace('{1}', '$1').replace('{2}', '$2')} ORDER BY updated_at LIMIT $3`;
const UPDATE = `UPDATE charges SET ${MUTABLE.map((k, i) => `${k} = $${i + 1}`).join(', ')} WHERE id = $${MUTABLE.length + 1}`;

export class PgChargeStore implements ChargeStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async insert(c: ChargeRecord): Promise<void> {
    const [sql, params] = insertPg('charges', chargeToRow(c));
    await run(this.#x, sql, params);
  }
  async find(id: string): Promise<ChargeRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM charges WHERE id = $1', [id]);
    return r ? chargeFromRow(r) : undefined;
  }
  async findForUpdate(id: string): Promise<ChargeRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM charges WHERE id = $1 FOR UPDATE', [id]);
    return r ? chargeFromRow(r) : undefined;
  }
  async findByIdempotencyKey(accountId: string, key: string): Promise<ChargeRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM charges WHERE account_id = $1 AND idempotency_key = $2', [accountId, key]);
    return r ? chargeFromRow(r) : undefined;
  }
  async update(c: ChargeRecord): Promise<void> {
    await run(this.#x, UPDATE, [...mutableValues(c), c.id]);
  }
  async listForReconcile(o: { pendingBefore: number; failedSince: number; limit: number }): Promise<ChargeRecord[]> {
    return (await all(this.#x, RECONCILE, [o.pendingBefore, o.failedSince, o.limit])).map(chargeFromRow);
  }
}
