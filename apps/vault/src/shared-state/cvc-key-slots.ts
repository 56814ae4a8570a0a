/**
 * Where the CVC key generations live (src/cvc/cvc-key-generations.ts): named slots holding one
 * wrapped key each, with a time after which the slot must be gone. Deliberately NOT the database:
 * a deleted database row survives in MVCC row versions, WAL and backups, and the point of a
 * generation is that deleting it destroys every copy of its key (docs/security.md, "CVC
 * crypto-shredding"). With Redis (REDIS_URL) the slots are shared by every vault process and
 * survive a vault restart; without, they live in this process's memory and die with it.
 */
export interface CvcKeySlots {
  readonly kind: 'memory' | 'redis';
  get(name: string): Promise<string | undefined>;
  /** Redis only: the key slot `name` is stored under, so a script can read it in a round trip it makes anyway. */
  keyOf?(name: string): string;
  /** Stores `value` unless `name` is taken, atomically; returns what the slot holds then (the winner's value). */
  putIfAbsent(name: string, value: string, destroyAt: number): Promise<string>;
  /** Deletes every slot whose `destroyAt` is ≤ `now` (by the vault's clock); returns how many. */
  destroyExpired(now: number): Promise<number>;
  /** Names of the slots that exist now. */
  names(): Promise<string[]>;
  /**
   * Compare-and-set: replaces the value of slot `name`, keeping its destroy time, only if it still
   * holds `expected`; false otherwise (gone, or changed since it was read — e.g. by a concurrent
   * rewrap, whose value must not be overwritten with one wrapped from an older read).
   */
  replace(name: string, expected: string, value: string): Promise<boolean>;
}

/** One process only: correct for a single vault process (the SQLite default), lost on restart. */
export class MemoryCvcKeySlots implements CvcKeySlots {
  readonly kind = 'memory';
  readonly #slots = new Map<string, { value: string; destroyAt: number }>();

  async get(name: string): Promise<string | undefined> {
    return this.#slots.get(name)?.value;
  }
  async putIfAbsent(name: string, value: string, destroyAt: number): Promise<string> {
    const held = this.#slots.get(name);
    if (held) return held.value;
    this.#slots.set(name, { value, destroyAt });
    return value;
  }
  async destroyExpired(now: number): Promise<number> {
    let n = 0;
    for (const [name, slot] of this.#slots) {
      if (slot.destroyAt <= now) {
        this.#slots.delete(name);
        n++;
      }
    }
    return n;
  }
  async names(): Promise<string[]> {
    return [...this.#slots.keys()];
  }
  async replace(name: string, expected: string, value: string): Promise<boolean> {
    const held = this.#slots.get(name);
    if (held?.value !== expected) return false;
    held.value = value;
    return true;
  }
}
