// @tokenframe/sdk/svelte: the custom elements in Svelte markup (svelte-check reads the global
// `svelteHTML` namespace; the element classes are already in HTMLElementTagNameMap through
// @tokenframe/sdk/elements). Types only; load them once: `import type {} from '@tokenframe/sdk/svelte'`.
import type { FieldsChangeEvent } from '../fields';
import type { FieldEventMap } from '../field';
import type { StyleSpec } from '@tokenframe/protocol';

type Handler<K extends keyof FieldEventMap> = (event: CustomEvent<FieldEventMap[K]>) => void;

/** A field element: `<tf-card label="Card" ontf-ready={…} />`. */
export interface TfFieldAttributes {
  label?: string;
  placeholder?: string;
  class?: string;
  id?: string;
  'ontf-ready'?: Handler<'ready'>;
  'ontf-change'?: Handler<'change'>;
  'ontf-focus'?: Handler<'focus'>;
  'ontf-blur'?: Handler<'blur'>;
  'ontf-escape'?: Handler<'escape'>;
  'ontf-submit'?: Handler<'submit'>;
  'ontf-loaderror'?: Handler<'loaderror'>;
}

/**
 * The group: `<tf-fields bind:this={group} appearance={style} publishable-key={pk} …>`. The URLs
 * come from `defineTokenframeElements({ vaultUrl, framesUrl })` in script; `<tf-fields>` refuses
 * `vault-url`/`frames-url` attributes, hence `never`.
 */
export interface TfFieldsAttributes {
  'publishable-key': string;
  'vault-url'?: never;
  'frames-url'?: never;
  locale?: string;
  /** Co-badged cards: the network selected first (`visa`, `cartes_bancaires`…); the shopper can change it. */
  'preferred-network'?: string;
  appearance?: StyleSpec;
  fonts?: string[];
  class?: string;
  id?: string;
  'ontf-change'?: (event: CustomEvent<FieldsChangeEvent>) => void;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Svelte's own convention for custom elements
  namespace svelteHTML {
    interface IntrinsicElements {
      'tf-fields': TfFieldsAttributes;
      'tf-card': TfFieldAttributes;
      'tf-card-number': TfFieldAttributes;
      'tf-card-expiry': TfFieldAttributes;
      'tf-card-cvc': TfFieldAttributes;
      'tf-cardholder-name': TfFieldAttributes;
      'tf-postal-code': TfFieldAttributes;
    }
  }
}
