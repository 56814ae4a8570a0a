import type { FieldType } from '@tokenframe/protocol';
import type { MountBus } from './mount-bus';
import type { MountValues } from './mount-message';
import { randomId } from './random-id';

export interface Collected {
  fields: FieldType[];
  values: MountValues;
  /** Fields of the mount that are present but did not answer in time: their values are unknown. */
  missing: FieldType[];
}

/**
 * The controller's side of the mount protocol: knows which fields of its mount are present, and on
 * tokenize collects their values under a fresh nonce. Only a field that says `gone` (its frame
 * unloads) leaves the mount. One that does not answer within the timeout (slow, hung, or removed
 * without a word) stays present and is reported as `missing`, so tokenize fails with a field error
 * instead of sealing a card without that field's value (issue #17 finding 5: a CVC frame that
 * missed the window once was forgotten, and every later token had no CVC).
 */
export class ControllerPeer {
  readonly #bus: MountBus;
  readonly #present = new Map<string, FieldType>();
  #pending: ((from: string, field: FieldType, nonce: string, values: MountValues) => void) | undefined;

  constructor(bus: MountBus) {
    this.#bus = bus;
    bus.onMessage((m) => {
      if (m.kind === 'present') this.#present.set(m.from, m.field);
      else if (m.kind === 'gone') this.#present.delete(m.from);
      else if (m.kind === 'values' && m.to === bus.id) this.#pending?.(m.from, m.field, m.nonce, m.values);
    });
    bus.send({ kind: 'rollcall' });
  }

  get fields(): FieldType[] {
    return [...this.#present.values()];
  }

  collect(timeoutMs = 1000): Promise<Collected> {
    const nonce = randomId();
    const waiting = new Set(this.#present.keys());
    const fields: FieldType[] = [];
    const values: MountValues = {};
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#pending = undefined;
        const missing = [...waiting].flatMap((from) => this.#present.get(from) ?? []);
        resolve({ fields, values, missing });
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#pending = (from, field, n, v) => {
        if (n !== nonce) return; // an answer to an earlier collect
        this.#present.set(from, field);
        waiting.delete(from);
        fields.push(field);
        Object.assign(values, v);
        if (waiting.size === 0) finish();
      };
      this.#bus.send({ kind: 'collect', nonce });
      if (waiting.size === 0) finish();
    });
  }

  /** A submit attempt found errors: fields show theirs (even when still empty). */
  reveal(): void {
    this.#bus.send({ kind: 'reveal' });
  }

  close(): void {
    this.#bus.close();
  }
}
