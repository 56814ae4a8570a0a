/**
 * <tf-input>: one card input (number, expiry, CVC, name or postal code) inside a secure frame.
 *
 * Requirements: native feel (inputmode, autocomplete tokens, live formatting with the caret kept),
 * the value never reflected into an attribute, an error only after the shopper left the field or
 * tried to submit (or at once when no more typing can fix it: a full-length number failing Luhn), accessible name / aria-invalid / aria-required / aria-describedby plus a polite
 * live region. Rendered in light DOM: the frame document is ours alone, and the merchant's validated
 * styles are one document-level constructable sheet. Events are plain, non-bubbling `tf-*` events.
 */
import { html, nothing } from 'lit/html.js';
import type { CardBrand } from '@tokenframe/card';
import { brandIcon } from './brand-icon';
import type { FieldChange, FieldElement, FieldValues } from './field-change';
import { FieldElementBase } from './field-element-base';
import type { ChangedProperties, PropertyDeclaration } from './field-element-base';
import { KINDS } from './kinds/index';
import type { KindState } from './kinds/index';
import { isLocaleLoaded, loadLocale, messagesFor } from './locale/messages';
import type { FieldErrorCode, InputKind } from './locale/messages';
import { resolveLocale } from './locale/resolve-locale';
import { selectedNetwork } from './network-choice';
import { networkSelector } from './network-selector';
import { reformat, skipSeparators } from './reformat';

let instances = 0;

export class TfInput extends FieldElementBase implements FieldElement {
  static override properties: Record<string, PropertyDeclaration> = {
    kind: { type: String },
    locale: { type: String },
    placeholder: { type: String },
    label: { type: String },
    disabled: { type: Boolean },
    brand: { attribute: false },
    preferredNetwork: { type: String, attribute: 'preferred-network' },
    autofillCompanions: { type: Boolean, attribute: 'autofill-companions' },
  };

  declare kind: InputKind;
  declare locale: string;
  declare placeholder: string | undefined;
  declare label: string | undefined;
  declare disabled: boolean;
  /** For CVC inputs: the brand of the number (sets the CVC length). */
  declare brand: CardBrand | undefined;
  /** Number inputs of a co-badged card: the network selected until the shopper picks one. */
  declare preferredNetwork: string | undefined;
  /** Split number fields render hidden cc-exp/cc-csc/cc-name inputs so browser autofill fills them in one pass. */
  declare autofillCompanions: boolean;

  readonly #id = `tf-${++instances}`;
  #state: KindState = { empty: true, complete: false, invalid: false };
  #touched = false;
  #revealed = false;
  #lastChange = '';
  /** The network the shopper picked on a co-badged number (kept while the number still has it). */
  #picked: string | undefined;

  constructor() {
    super();
    this.kind = 'number';
    this.locale = 'en';
    this.disabled = false;
    this.autofillCompanions = false;
    // Focus and blur of the field as a whole (the number input and its network radios are one field
    // to the page): moving between them inside the frame is neither, and shows no error yet.
    this.addEventListener('focusin', (e) => {
      if (!this.#holds(e.relatedTarget)) this.#emit('tf-focus');
    });
    this.addEventListener('focusout', (e) => {
      if (this.#holds(e.relatedTarget)) return;
      this.#touched = true;
      this.#evaluate();
      this.#emit('tf-blur');
    });
  }

  get change(): FieldChange {
    const c: FieldChange = { empty: this.#state.empty, complete: this.#state.complete };
    if (this.kind === 'number') {
      c.brand = this.#state.brand?.id ?? 'unknown';
      if (this.#state.brand) c.networks = [...this.#state.brand.networks];
      const network = this.selectedNetwork;
      if (network !== undefined) c.network = network;
    }
    const shown = this.#shownError();
    if (shown) c.error = { code: shown, message: this.#messages().errors[shown] };
    return c;
  }

  /** The detected brand (number inputs). */
  get detectedBrand(): CardBrand | undefined {
    return this.#state.brand;
  }

  /** Co-badged numbers only: the network the shopper has selected (sealed with the card). */
  get selectedNetwork(): string | undefined {
    return this.kind === 'number' ? selectedNetwork(this.#state.brand?.networks, this.#picked, this.preferredNetwork) : undefined;
  }

  readValues(): FieldValues {
    const values: FieldValues = { [this.kind]: this.#input()?.value ?? '' };
    const network = this.selectedNetwork;
    if (network !== undefined) values.network = network;
    return values;
  }

  /** Sets a value from outside the keyboard path (autofill relayed from a sibling frame). */
  applyValues(values: FieldValues): void {
    const raw = values[this.kind];
    const input = this.#input();
    if (raw === undefined || !input) return;
    input.value = KINDS[this.kind].format(raw, this.#ctx());
    this.#evaluate();
  }

  reveal(): void {
    this.#revealed = true;
    this.#evaluate();
  }

  clear(): void {
    const input = this.#input();
    if (input) input.value = '';
    this.#picked = undefined;
    this.#touched = false;
    this.#revealed = false;
    this.#evaluate();
  }

  override focus(options?: FocusOptions): void {
    this.#input()?.focus(options);
  }

  override blur(): void {
    this.#input()?.blur();
  }

  protected override willUpdate(changed: ChangedProperties): void {
    // Strings of other locales arrive as a small chunk; render again once they are here.
    const locale = resolveLocale(this.locale);
    if (changed.has('locale') && !isLocaleLoaded(locale)) void loadLocale(locale).then(() => this.requestUpdate());
  }

  protected override updated(changed: ChangedProperties): void {
    // The merchant's default changes the selection (and the page's `change`) until the shopper picks.
    if (changed.has('preferredNetwork') && this.kind === 'number') this.#evaluate();
    // A new brand can shorten the CVC (Amex 4 → Visa 3): re-format what is there.
    if (changed.has('brand') && this.kind === 'cvc') this.applyValues(this.readValues());
  }

  protected override render() {
    const spec = KINDS[this.kind];
    const m = this.#messages();
    const shown = this.#shownError();
    const errId = `${this.#id}-err`;
    return html`<div class="tf-box">
        <input
          class=${this.#classes(shown)}
          id=${this.#id}
          type="text"
          inputmode=${spec.inputMode}
          autocomplete=${spec.autocomplete}
          autocorrect="off"
          autocapitalize=${this.kind === 'name' ? 'words' : 'off'}
          spellcheck="false"
          dir=${spec.numeric ? 'ltr' : nothing}
          aria-label=${this.label || m.labels[this.kind]}
          aria-required="true"
          aria-invalid=${shown ? 'true' : 'false'}
          aria-describedby=${errId}
          placeholder=${this.placeholder ?? m.placeholders[this.kind]}
          ?disabled=${this.disabled}
          @beforeinput=${this.#onBeforeInput}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
        />${this.kind === 'number' ? this.#mark(m.network) : nothing}
      </div>
      <span id=${errId} class="tf-sr" aria-live="polite">${shown ? m.errors[shown] : ''}</span>
      ${this.autofillCompanions && this.kind === 'number' ? this.#companions() : nothing}`;
  }

  /** The brand mark, or for a co-badged number the network selector in its place. */
  #mark(label: string) {
    const networks = this.#state.brand?.networks ?? [];
    if (networks.length < 2) return brandIcon(this.#state.brand?.id);
    return networkSelector({
      id: this.#id,
      networks,
      selected: this.selectedNetwork,
      label,
      disabled: this.disabled,
      onSelect: (network) => {
        this.#picked = network;
        this.#evaluate();
      },
      onKeydown: this.#onKeydown,
    });
  }

  #companions() {
    // Off-screen, out of the tab order and the accessibility tree: only browser autofill reaches them.
    return html`<div class="tf-autofill" aria-hidden="true" @input=${this.#onCompanionInput}>
      <input tabindex="-1" autocomplete="cc-exp" data-kind="expiry" aria-hidden="true" />
      <input tabindex="-1" autocomplete="cc-csc" data-kind="cvc" aria-hidden="true" />
      <input tabindex="-1" autocomplete="cc-name" data-kind="name" aria-hidden="true" />
    </div>`;
  }

  #onCompanionInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const kind = input.dataset['kind'] as InputKind;
    if (input.value === '') return;
    this.#emit('tf-autofill', { [kind]: input.value } satisfies FieldValues);
    input.value = ''; // relayed: hold no copy
  };

  #onBeforeInput = (e: InputEvent): void => {
    const input = e.target as HTMLInputElement;
    const start = input.selectionStart;
    if (start === null || start !== input.selectionEnd) return;
    const backward = e.inputType === 'deleteContentBackward';
    if (!backward && e.inputType !== 'deleteContentForward') return;
    const spec = KINDS[this.kind];
    const from = skipSeparators(input.value, start, backward ? 'backward' : 'forward', spec.isSignificant);
    if (from === start) return; // an ordinary deletion: let the browser do it
    // The neighbour is a separator the formatter would put back: delete the digit beyond it instead.
    e.preventDefault();
    const cut = backward ? Math.max(from - 1, 0) : from;
    const value = input.value.slice(0, cut) + input.value.slice(cut + 1);
    this.#applyEdit(input, value, backward ? cut : start, true);
  };

  #onInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const deleting = e instanceof InputEvent && e.inputType.startsWith('delete');
    this.#applyEdit(input, input.value, input.selectionStart ?? input.value.length, deleting);
  };

  #applyEdit(input: HTMLInputElement, value: string, caret: number, deleting: boolean): void {
    const spec = KINDS[this.kind];
    const next = reformat({ value, caret, deleting }, (raw) => spec.format(raw, this.#ctx()), spec.isSignificant);
    if (input.value !== next.value) input.value = next.value;
    if (input.ownerDocument.activeElement === input) input.setSelectionRange(next.caret, next.caret);
    this.#evaluate();
  }

  #onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.reveal();
      this.#emit('tf-submit');
    } else if (e.key === 'Escape') {
      this.#emit('tf-escape');
    }
  };

  #holds(node: EventTarget | null): boolean {
    return node instanceof Node && this.contains(node);
  }

  #evaluate(): void {
    this.#state = KINDS[this.kind].evaluate(this.#input()?.value ?? '', this.#ctx());
    this.requestUpdate();
    const change = this.change;
    const key = JSON.stringify(change);
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    this.#emit('tf-change', change);
  }

  #shownError(): FieldErrorCode | undefined {
    const s = this.#state;
    if (s.complete || s.code === undefined) return undefined;
    if (s.empty) return this.#revealed ? s.code : undefined;
    // Definitely wrong (a full-length number failing Luhn, month 13) shows at once, focus or not.
    return s.invalid || this.#touched || this.#revealed ? s.code : undefined;
  }

  #classes(shown: FieldErrorCode | undefined): string {
    const s = this.#state;
    return `tf-input${s.empty ? ' is-empty' : ''}${s.complete ? ' is-complete' : ''}${shown ? ' is-invalid' : ''}`;
  }

  #ctx() {
    return this.brand ? { brand: this.brand } : {};
  }

  #messages() {
    return messagesFor(resolveLocale(this.locale));
  }

  #input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`#${this.#id}`);
  }

  #emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
