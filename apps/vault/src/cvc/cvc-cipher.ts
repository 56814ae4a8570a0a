import { AtRestError, openBytes, openField, sealField, type FieldAad, type KekLookup } from '@tokenframe/crypto/at-rest';
import type { CvcKeyGenerations, SlotRead } from './cvc-key-generations';
import { isGenerationId, kekIdOf } from './generation-window';

/** The key one CVC envelope needs, fetched before the reveal transaction deletes the CVC. */
export interface CvcKey {
  kekId: string;
  key: Buffer | undefined;
}

/**
 * Seals and opens CVC envelopes: under the current key generation when sealing; when opening,
 * under the generation the envelope names, or under the master CVC key for an envelope sealed
 * before generations existed (such CVCs are gone within one TTL of the upgrade).
 *
 * Every way a CVC can fail to open — generation destroyed, lost with a Redis or memory-only
 * restart, unwrappable, envelope damaged — ends the same way: `undefined`, exactly what an
 * expired CVC gives (the reveal answers without `cvc`, reads say `cvcPresent: false`), so the
 * API is no oracle for why. The operator is told through `onUnreadable` (a log line and a metric
 * that name the generation, never card data).
 */
export class CvcCipher {
  readonly #generations: CvcKeyGenerations;
  readonly #masterKekFor: KekLookup;
  readonly #onUnreadable: (kekId: string) => void;

  constructor(generations: CvcKeyGenerations, masterKekFor: KekLookup, onUnreadable: (kekId: string) => void = () => undefined) {
    this.#generations = generations;
    this.#masterKekFor = masterKekFor;
    this.#onUnreadable = onUnreadable;
  }

  get ttlMs(): number {
    return this.#generations.cvcTtlMs;
  }

  /** Redis only: the slot `seal(…, now)` reads, for a caller that can read it in a round trip it makes anyway. */
  slotKeyAt(now: number): string | undefined {
    return this.#generations.slotKeyAt(now);
  }

  /** Seals under the current generation; its key is zeroed after this one use, on every path. `read`: see `slotKeyAt`. */
  async seal(cvc: string, aad: FieldAad, now: number, read?: SlotRead): Promise<string> {
    const kek = await this.#generations.current(now, read);
    try {
      return sealField(kek, cvc, aad);
    } finally {
      kek.key.fill(0);
    }
  }

  /** Shared-state errors (Redis down) throw here, before anything is deleted; a missing key is `key: undefined`. */
  async keyFor(envelope: string, now: number): Promise<CvcKey> {
    const kekId = kekIdOf(envelope);
    if (isGenerationId(kekId)) return { kekId, key: await this.#generations.find(kekId, now) };
    const master = this.#masterKekFor(kekId);
    return { kekId, key: master && Buffer.from(master) }; // a copy: open() zeroes what it is given
  }

  /**
   * The CVC, or undefined for every failure (see the class comment). Zeroes the key. `envelope`
   * undefined: nothing left to open (a concurrent reveal took it), which is no failure to report.
   */
  open(k: CvcKey, envelope: string | undefined, aad: FieldAad): string | undefined {
    try {
      if (envelope === undefined) return undefined;
      if (!k.key) return this.#unreadable(k.kekId);
      const key = k.key;
      return openField((id) => (id === k.kekId ? key : undefined), envelope, aad);
    } catch (e) {
      if (e instanceof AtRestError) return this.#unreadable(k.kekId);
      throw e;
    } finally {
      k.key?.fill(0);
    }
  }

  /**
   * Whether `open` would return the CVC: the same key lookup and the same open, into a Buffer that
   * is cleared at once (no string of the CVC is made), and silent — a read reports no lost
   * generation; the reveal that follows does. Shared-state errors throw, as in `keyFor`.
   */
  async readable(envelope: string, aad: FieldAad, now: number): Promise<boolean> {
    const k = await this.keyFor(envelope, now);
    const key = k.key;
    if (!key) return false;
    try {
      openBytes((id) => (id === k.kekId ? key : undefined), envelope, aad).fill(0);
      return true;
    } catch (e) {
      if (e instanceof AtRestError) return false;
      throw e;
    } finally {
      key.fill(0);
    }
  }

  #unreadable(kekId: string): undefined {
    this.#onUnreadable(kekId);
    return undefined;
  }
}
