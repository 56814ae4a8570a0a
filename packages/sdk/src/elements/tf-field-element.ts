import type { FieldType, TokenframeErrorShape } from '@tokenframe/protocol';
import type { Field, FieldEventMap } from '../field';
import type { Fields } from '../fields';
import { HTMLElementBase } from './html-element-base';

const FORWARDED = ['ready', 'change', 'focus', 'blur', 'escape', 'submit', 'loaderror'] as const satisfies readonly (keyof FieldEventMap)[];

/**
 * One field as an element, e.g. `<tf-card-number label="Card number">` inside `<tf-fields>`. The
 * frame is mounted into the element itself; frame events are re-dispatched as `tf-<name>` DOM
 * events (not bubbling: the group's own `tf-change` on `<tf-fields>` is the aggregate).
 */
export class TfFieldElement extends HTMLElementBase {
  static fieldType: FieldType = 'card';
  #field?: Field;

  /** The underlying SDK field while connected inside a `<tf-fields>`. */
  get field(): Field | undefined {
    return this.#field;
  }

  connectedCallback(): void {
    const group = this.closest('tf-fields') as { adopt?: (el: TfFieldElement) => void } | null;
    group?.adopt?.(this);
  }

  disconnectedCallback(): void {
    this.detach();
  }

  /** Called by `<tf-fields>` once its group exists. */
  attach(fields: Fields): void {
    if (this.#field) return;
    const type = (this.constructor as typeof TfFieldElement).fieldType;
    const label = this.getAttribute('label');
    const placeholder = this.getAttribute('placeholder');
    const field = (this.#field = fields.create(type, {
      ...(label !== null && { ariaLabel: label }),
      ...(placeholder !== null && { placeholder }),
    }));
    for (const name of FORWARDED) field.on(name, (detail) => this.dispatchEvent(new CustomEvent(`tf-${name}`, { detail })));
    // The rejection is also dispatched as `tf-loaderror`; do not report it twice.
    field.mount(this).catch((_error: TokenframeErrorShape) => undefined);
  }

  detach(): void {
    this.#field?.destroy();
    this.#field = undefined;
  }

  override focus(): void {
    this.#field?.focus();
  }
  override blur(): void {
    this.#field?.blur();
  }
  clear(): void {
    this.#field?.clear();
  }
}

function fieldElement(type: FieldType): typeof TfFieldElement {
  return class extends TfFieldElement {
    static override fieldType = type;
  };
}

export const TfCardElement = fieldElement('card');
export const TfCardNumberElement = fieldElement('cardNumber');
export const TfCardExpiryElement = fieldElement('cardExpiry');
export const TfCardCvcElement = fieldElement('cardCvc');
export const TfCardholderNameElement = fieldElement('cardholderName');
export const TfPostalCodeElement = fieldElement('postalCode');
