/**
 * <tf-card>: number, expiry and CVC in one frame — one autofill pass fills all three. The inputs wrap
 * onto two rows when the frame is narrow (flex-wrap, so the height depends on the width only, never
 * on what was typed). Focus moves number → expiry → CVC as each completes; the page sees one field.
 */
import { html, nothing } from 'lit/html.js';
import type { CardBrand } from '@tokenframe/card';
import type { FieldChange, FieldElement, FieldValues } from './field-change';
import { FieldElementBase } from './field-element-base';
import type { PropertyDeclaration } from './field-element-base';
import type { TfInput } from './tf-input';

const ORDER = ['number', 'expiry', 'cvc'] as const;

export class TfCard extends FieldElementBase implements FieldElement {
  static override properties: Record<string, PropertyDeclaration> = {
    locale: { type: String },
    placeholder: { type: String },
    label: { type: String },
    disabled: { type: Boolean },
    preferredNetwork: { type: String, attribute: 'preferred-network' },
  };

  declare locale: string;
  /** Applies to the number input; expiry and CVC keep their localized placeholders. */
  declare placeholder: string | undefined;
  /**
   * Accessible name of the group (`ariaLabel`, e.g. "Card"). Each input keeps its own localized
   * name ("Card number", "Expiration date", "Security code"), so a screen reader hears "Card,
   * group" then "Card number", and tests find the inputs by their names.
   */
  declare label: string | undefined;
  declare disabled: boolean;
  /** Passed to the number input: the network a co-badged card starts on. */
  declare preferredNetwork: string | undefined;

  #brand: CardBrand | undefined;
  #lastChange = '';

  constructor() {
    super();
    this.locale = 'en';
    this.disabled = false;
  }

  get change(): FieldChange {
    const parts = this.#inputs().map((i) => i.change);
    const number = parts[0];
    const c: FieldChange = { empty: parts.every((p) => p.empty), complete: parts.length === 3 && parts.every((p) => p.complete) };
    if (number?.brand !== undefined) c.brand = number.brand;
    if (number?.networks !== undefined) c.networks = number.networks;
    if (number?.network !== undefined) c.network = number.network;
    const error = parts.find((p) => p.error)?.error;
    if (error) c.error = error;
    return c;
  }

  readValues(): FieldValues {
    return Object.assign({}, ...this.#inputs().map((i) => i.readValues())) as FieldValues;
  }

  applyValues(values: FieldValues): void {
    for (const input of this.#inputs()) input.applyValues(values);
  }

  reveal(): void {
    for (const input of this.#inputs()) input.reveal();
  }

  clear(): void {
    for (const input of this.#inputs()) input.clear();
  }

  override focus(options?: FocusOptions): void {
    const inputs = this.#inputs();
    (inputs.find((i) => !i.change.complete) ?? inputs[0])?.focus(options);
  }

  override blur(): void {
    for (const input of this.#inputs()) input.blur();
  }

  protected override render() {
    return html`<div
      class="tf-card"
      role="group"
      aria-label=${this.label || nothing}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
    >
      ${ORDER.map(
        (kind) =>
          html`<tf-input
            class=${`tf-part tf-part-${kind}`}
            kind=${kind}
            .locale=${this.locale}
            .placeholder=${kind === 'number' ? this.placeholder : undefined}
            .preferredNetwork=${kind === 'number' ? this.preferredNetwork : undefined}
            .disabled=${this.disabled}
            .brand=${kind === 'cvc' ? this.#brand : undefined}
            @tf-change=${this.#onChange}
            @tf-submit=${this.#forward}
            @tf-escape=${this.#forward}
          ></tf-input>`,
      )}
    </div>`;
  }

  #onChange = (e: Event): void => {
    const input = e.target as TfInput;
    const detail = (e as CustomEvent<FieldChange>).detail;
    if (input.kind === 'number' && input.detectedBrand !== this.#brand) {
      this.#brand = input.detectedBrand;
      this.requestUpdate();
    }
    // Auto-advance inside the frame, only when the shopper is typing in that input (not when a
    // co-badged number's network radio, also inside it, changed the choice).
    const focused = input.querySelector('.tf-input') === this.ownerDocument.activeElement;
    if (detail.complete && focused && input.kind !== 'cvc') this.#inputs()[ORDER.indexOf(input.kind as 'number' | 'expiry') + 1]?.focus();
    const change = this.change;
    const key = JSON.stringify(change);
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    this.dispatchEvent(new CustomEvent('tf-change', { detail: change }));
  };

  #forward = (e: Event): void => {
    this.dispatchEvent(new CustomEvent(e.type));
  };

  #onFocusIn = (e: FocusEvent): void => {
    if (!this.#holds(e.relatedTarget)) this.dispatchEvent(new CustomEvent('tf-focus'));
  };

  #onFocusOut = (e: FocusEvent): void => {
    if (!this.#holds(e.relatedTarget)) this.dispatchEvent(new CustomEvent('tf-blur'));
  };

  #holds(node: EventTarget | null): boolean {
    return node instanceof Node && this.contains(node);
  }

  #inputs(): TfInput[] {
    return [...this.querySelectorAll<TfInput>('tf-input')];
  }
}
