import type { StyleSpec, TokenizeExtra, TokenizeResult } from '@tokenframe/protocol';
import { connectToFrame } from '@tokenframe/channel';
import { createTokenframe, type Tokenframe } from '../create-tokenframe';
import type { Fields } from '../fields';
import type { FrameConnector } from '../frame-connection';
import { errorShape, misuse } from '../tokenframe-error';
import { elementsOptions } from './elements-options';
import { HTMLElementBase } from './html-element-base';
import { TfFieldElement } from './tf-field-element';
import { warnWithoutFrameSrc } from './warn-without-frame-src';

export const FIELD_TAGS = ['tf-card', 'tf-card-number', 'tf-card-expiry', 'tf-card-cvc', 'tf-cardholder-name', 'tf-postal-code'] as const;

/**
 * `<tf-fields publishable-key locale preferred-network>`: one field group. The vault and frames URLs come from
 * `defineTokenframeElements({ vaultUrl, framesUrl })` in script, never from attributes (markup
 * injected into the page must not be able to choose where card data goes); a `vault-url` or
 * `frames-url` attribute is refused. Its `tf-*` children
 * become the group's fields when it connects; disconnecting destroys the group (so a framework that
 * moves or re-renders the element gets a fresh, leak-free group). `appearance` (the style spec) and
 * `fonts` are properties: set them before or after inserting the element (after, they reach every
 * field with `update()`). Frameworks that set attributes only after inserting the element (Angular's
 * `[attr.publishable-key]`) are served too: without a key at connect time, the group is created one
 * microtask later.
 * Events: `tf-change` (aggregated, detail = FieldsChangeEvent); per field, on the child elements.
 */
export class TfFieldsElement extends HTMLElementBase {
  #appearance?: StyleSpec;
  #fonts?: string[];
  #fields?: Fields;
  readonly #children = new Set<TfFieldElement>();

  /** The underlying SDK group while connected. */
  get fields(): Fields | undefined {
    return this.#fields;
  }

  get appearance(): StyleSpec | undefined {
    return this.#appearance;
  }
  set appearance(style: StyleSpec | undefined) {
    this.#appearance = style;
    if (style) for (const child of this.#children) child.field?.update({ style });
  }

  get fonts(): string[] | undefined {
    return this.#fonts;
  }
  set fonts(fonts: string[] | undefined) {
    this.#fonts = fonts;
    if (fonts) for (const child of this.#children) child.field?.update({ fonts });
  }

  connectedCallback(): void {
    if (this.hasAttribute('publishable-key')) this.#create();
    else queueMicrotask(() => this.isConnected && !this.#fields && this.#create()); // throws (reported) if still missing
  }

  #create(): void {
    const tf = this.tokenframe();
    const locale = this.getAttribute('locale');
    const preferredNetwork = this.getAttribute('preferred-network');
    const fields = (this.#fields = tf.fields({
      ...(this.#appearance && { style: this.#appearance }),
      ...(this.#fonts && { fonts: this.#fonts }),
      ...(locale !== null && { locale }),
      ...(preferredNetwork !== null && { preferredNetwork }),
    }));
    fields.on('change', (detail) => this.dispatchEvent(new CustomEvent('tf-change', { detail })));
    for (const el of this.querySelectorAll(FIELD_TAGS.join(','))) if (el instanceof TfFieldElement) this.adopt(el);
  }

  /** Loads Tokenframe with the defined URLs and the key attribute; throws at once on a missing or wrong key. */
  protected tokenframe(connect: FrameConnector = connectToFrame): Tokenframe {
    for (const name of ['vault-url', 'frames-url'])
      if (this.hasAttribute(name))
        misuse(`<tf-fields ${name}> is not read: pass the URLs to defineTokenframeElements({ vaultUrl, framesUrl }) in script.`);
    const pk = this.getAttribute('publishable-key') ?? '';
    const options = elementsOptions();
    const tf = createTokenframe(pk, options, connect);
    warnWithoutFrameSrc(pk, options.framesUrl);
    return tf;
  }

  disconnectedCallback(): void {
    for (const child of this.#children) child.detach();
    this.#children.clear();
    this.#fields?.destroy();
    this.#fields = undefined;
  }

  /** A child field element announces itself (it may connect before or after this element). */
  adopt(child: TfFieldElement): void {
    this.#children.add(child);
    if (this.#fields) child.attach(this.#fields);
  }

  tokenize(extra?: TokenizeExtra): Promise<TokenizeResult> {
    if (!this.#fields) return Promise.resolve({ error: errorShape('not_mounted', 'Tokenframe: <tf-fields> is not in the document.') });
    return this.#fields.tokenize(extra);
  }
}
