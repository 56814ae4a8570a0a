import type { FieldType } from '@tokenframe/protocol';
import type { MountBus } from './mount-bus';
import type { AutofillValues, MountValues } from './mount-message';

export interface FieldPeerHooks {
  /** Current values of this field; read only when a matching controller collects. */
  read(): MountValues;
  onReveal(): void;
  onAutofill(values: AutofillValues): void;
  /** The number field's brand (`unknown` while undetectable) and its CVC length. */
  onBrand(brand: string, cvcLength: number): void;
}

/** A field frame's side of the mount protocol (see ./mount-message.ts). */
export class FieldPeer {
  readonly #bus: MountBus;
  readonly #field: FieldType;

  constructor(bus: MountBus, field: FieldType, hooks: FieldPeerHooks) {
    this.#bus = bus;
    this.#field = field;
    bus.onMessage((m) => {
      switch (m.kind) {
        case 'rollcall':
          bus.send({ kind: 'present', field });
          break;
        case 'collect':
          // The bus already proved the collector was served for our pk, origin and mount.
          bus.send({ kind: 'values', to: m.from, nonce: m.nonce, field, values: hooks.read() });
          break;
        case 'reveal':
          hooks.onReveal();
          break;
        case 'autofill':
          hooks.onAutofill(m.values);
          break;
        case 'brand':
          hooks.onBrand(m.brand, m.cvcLength);
          break;
      }
    });
    bus.send({ kind: 'present', field });
  }

  relayAutofill(values: AutofillValues): void {
    this.#bus.send({ kind: 'autofill', values });
  }

  shareBrand(brand: string, cvcLength: number): void {
    this.#bus.send({ kind: 'brand', brand, cvcLength });
  }

  /** Tells the controller this field is gone (frame unloading), then closes. Idempotent. */
  close(): void {
    this.#bus.send({ kind: 'gone' });
    this.#bus.close();
  }

  get field(): FieldType {
    return this.#field;
  }
}
