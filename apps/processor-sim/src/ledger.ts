import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TxnRecord } from './txn-record';

interface LedgerState {
  version: 1;
  batch: number;
  transactions: TxnRecord[];
}

/**
 * The simulator's books: every transaction it answered for, in order. Kept in memory and, with
 * a state file, written through on every change (write to a temporary file, then rename, so a
 * crash leaves the old or the new state, never half of one).
 */
export class Ledger {
  #byRetref = new Map<string, TxnRecord>();
  #batch = 1001;
  readonly #file: string | undefined;

  constructor(stateFile?: string) {
    this.#file = stateFile;
    if (stateFile && existsSync(stateFile)) {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as LedgerState;
      if (state.version !== 1 || !Array.isArray(state.transactions))
        throw new Error(`${stateFile} is not a processor-sim state file (version 1).`);
      this.#batch = state.batch;
      for (const t of state.transactions) this.#byRetref.set(t.retref, t);
    }
  }

  /** Every transaction, oldest first (copies: change them through the ledger). */
  all(): TxnRecord[] {
    return [...this.#byRetref.values()].map((t) => structuredClone(t));
  }

  get(retref: string): TxnRecord | undefined {
    const t = this.#byRetref.get(retref);
    return t && structuredClone(t);
  }

  /** The transactions of one merchant's order id, oldest first. */
  byOrderId(orderid: string, merchid: string): TxnRecord[] {
    return this.all().filter((t) => t.orderid === orderid && t.merchid === merchid && orderid !== '');
  }

  /** The open batch new captures go into. */
  get batchId(): string {
    return String(this.#batch);
  }

  /** A fresh 12-digit retrieval reference, unique in this ledger. */
  newRetref(): string {
    for (;;) {
      const retref = `${randomInt(1, 10)}${String(randomInt(0, 100_000)).padStart(5, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!this.#byRetref.has(retref)) return retref;
    }
  }

  add(t: TxnRecord): void {
    this.#byRetref.set(t.retref, structuredClone(t));
    this.#save();
  }

  update(retref: string, change: (t: TxnRecord) => void, now: Date): TxnRecord {
    const t = this.#byRetref.get(retref);
    if (!t) throw new Error(`ledger: no transaction ${retref}`);
    change(t);
    t.updatedAt = now.toISOString();
    this.#save();
    return structuredClone(t);
  }

  /** Closes the open batch: what is queued for capture is now settled ("Accepted"). */
  settle(now: Date): { batchid: string; settled: number } {
    const batchid = this.batchId;
    let settled = 0;
    for (const t of this.#byRetref.values()) {
      if (t.setlstat === 'Queued for Capture' && t.batchid === batchid) {
        t.setlstat = 'Accepted';
        t.updatedAt = now.toISOString();
        settled++;
      }
    }
    this.#batch++;
    this.#save();
    return { batchid, settled };
  }

  reset(): void {
    this.#byRetref.clear();
    this.#batch = 1001;
    this.#save();
  }

  #save(): void {
    if (!this.#file) return;
    const state: LedgerState = { version: 1, batch: this.#batch, transactions: [...this.#byRetref.values()] };
    mkdirSync(dirname(this.#file), { recursive: true });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.#file);
  }
}
