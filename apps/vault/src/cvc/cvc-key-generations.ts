import { randomBytes } from 'node:crypto';
import { AtRestError, openBytes, rewrapField, sealBytes, type FieldAad, type Kek, type KekLookup } from '@tokenframe/crypto/at-rest';
import type { CvcKeySlots } from '../shared-state/cvc-key-slots';
import { windowAt, windowOf } from './generation-window';

const KEY_BYTES = 32;
/** The wrap binds the generation id: a wrapped key copied into another generation's slot does not open. */
const wrapAad = (id: string): FieldAad => ({ account: '_vault', token: id, field: 'cvc-generation' });
/** Concurrent rewraps of one slot: each lost compare-and-set re-reads; more than this many is a bug, not contention. */
const REWRAP_ATTEMPTS = 3;

/**
 * CVC key generations: crypto-shredding for CVCs (PCI DSS 3.3.1.2, docs/security.md "CVC
 * crypto-shredding"). A CVC is sealed under the key of the current generation window instead of
 * the master CVC key; the purge sweep destroys a generation once every CVC it can have sealed is
 * past its TTL. After that, a copy of the CVC's ciphertext — a dead PostgreSQL row version, a WAL
 * segment, a backup — opens with nothing that still exists, master key included.
 *
 * Requirements, and how they are met:
 *   - the keys are never in the database (that would move the problem to their own dead rows):
 *     they live in the shared-state slots (Redis, else this process's memory);
 *   - every vault process uses the same key for a window: created with insert-if-absent, read back;
 *   - a copy of Redis alone (a replica, `redis-cli --rdb`, a snapshot) is not enough to read a CVC:
 *     each key is wrapped under the master CVC key (an at-rest envelope, AAD = the generation id),
 *     so reading a CVC needs the database row, the live generation AND the master key;
 *   - nothing outlives the slot: no process caches an unwrapped key; each use reads the slot and
 *     unwraps the raw 32 bytes into a Buffer (never a JS string, which could not be cleared), and
 *     the caller zeroes that Buffer after the one seal or open it was fetched for. What this does
 *     not reach (copies inside OpenSSL and V8) is in docs/security.md.
 */
/** The current generation's slot as already read from Redis in the same round trip as the limits (`slotKeyAt`). */
export interface SlotRead {
  slotKey: string;
  wrapped: string | undefined;
}

export class CvcKeyGenerations {
  readonly cvcTtlMs: number;
  readonly #slots: CvcKeySlots;
  readonly #wrapKek: () => Kek;
  readonly #kekFor: KekLookup;

  /** `wrapKek`: the current master CVC KEK; `kekFor`: current and previous master KEKs (during a rewrap). */
  constructor(slots: CvcKeySlots, master: { wrapKek: () => Kek; kekFor: KekLookup }, cvcTtlMs: number) {
    this.#slots = slots;
    this.#wrapKek = master.wrapKek;
    this.#kekFor = master.kekFor;
    this.cvcTtlMs = cvcTtlMs;
  }

  get kind(): CvcKeySlots['kind'] {
    return this.#slots.kind;
  }

  /** Redis only: the key of the slot `current(now)` reads (undefined in memory: nothing to save). */
  slotKeyAt(now: number): string | undefined {
    return this.#slots.keyOf?.(windowAt(now, this.cvcTtlMs).id);
  }

  /**
   * The key to seal a CVC with now (created for this window if no process has yet). The caller
   * zeroes `key` after use. `read`: the slot as the caller already read it (`slotKeyAt`), instead of a GET. Throws if the stored key does not unwrap (another master key): sealing
   * CVCs that no process could open would be worse than failing the request.
   */
  async current(now: number, read?: SlotRead): Promise<Kek> {
    const w = windowAt(now, this.cvcTtlMs);
    const wrapped =
      (read && read.slotKey === this.slotKeyAt(now) ? read.wrapped : await this.#slots.get(w.id)) ??
      (await this.#slots.putIfAbsent(w.id, this.#wrapNew(w.id), w.destroyAt));
    const key = this.#unwrap(w.id, wrapped);
    if (!key)
      throw new Error(
        `CVC key generation ${w.id} does not unwrap with this vault's master key: do all vault processes share one TOKENFRAME_MASTER_KEY?`,
      );
    return { id: w.id, key };
  }

  /**
   * The key of generation `id`, or undefined once it is destroyed, past its destroy time (which the
   * id itself fixes, whatever this process's TTL), lost or unreadable. The caller zeroes it.
   */
  async find(id: string, now: number): Promise<Buffer | undefined> {
    const w = windowOf(id);
    if (!w || now >= w.destroyAt) return undefined;
    const wrapped = await this.#slots.get(id);
    return wrapped === undefined ? undefined : this.#unwrap(id, wrapped);
  }

  /** Destroys every generation past its destroy time (the purge sweep); returns how many. */
  shred(now: number): Promise<number> {
    return this.#slots.destroyExpired(now);
  }

  /**
   * Master-key rotation: re-wraps each live generation under the current master CVC key; returns
   * how many this call rewrapped. Compare-and-set, so a slot changed since it was read (another
   * rewrap) is read again rather than overwritten; one destroyed meanwhile is skipped.
   */
  async rewrapAll(): Promise<number> {
    let n = 0;
    for (const id of await this.#slots.names()) {
      for (let attempt = 1; ; attempt++) {
        const wrapped = await this.#slots.get(id);
        if (wrapped === undefined) break;
        if (await this.#slots.replace(id, wrapped, rewrapField(wrapped, this.#kekFor, this.#wrapKek()))) {
          n++;
          break;
        }
        if (attempt === REWRAP_ATTEMPTS)
          throw new Error(`CVC key generation ${id} kept changing during the rewrap; run master-key rewrap again.`);
      }
    }
    return n;
  }

  #wrapNew(id: string): string {
    const key = randomBytes(KEY_BYTES);
    try {
      return sealBytes(this.#wrapKek(), key, wrapAad(id));
    } finally {
      key.fill(0);
    }
  }

  #unwrap(id: string, wrapped: string): Buffer | undefined {
    let key: Buffer;
    try {
      key = openBytes(this.#kekFor, wrapped, wrapAad(id));
    } catch (e) {
      if (e instanceof AtRestError) return undefined;
      throw e;
    }
    if (key.length === KEY_BYTES) return key;
    key.fill(0);
    return undefined;
  }
}
