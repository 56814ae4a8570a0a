// @tokenframe/sdk/vue: the custom elements in Vue templates (vue-tsc / Volar). Types only; load
// them once: `import type {} from '@tokenframe/sdk/vue'`. Vue's compiler must also be told these are
// custom elements: vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tf-') } } }).
import type { DefineComponent } from 'vue';
import type { StyleSpec } from '@tokenframe/protocol';

/** A field element: `<tf-card-number label="Card number" placeholder="…" />`. */
export type TfFieldComponent = DefineComponent<{ label?: string; placeholder?: string }>;

/**
 * The group; bind the style as a property: `:appearance.prop="style"`. The URLs come from
 * `defineTokenframeElements({ vaultUrl, framesUrl })` in script; `<tf-fields>` refuses
 * `vault-url`/`frames-url` attributes, hence `never`.
 */
export type TfFieldsComponent = DefineComponent<{
  'publishable-key': string;
  'vault-url'?: never;
  'frames-url'?: never;
  locale?: string;
  /** Co-badged cards: the network selected first (`visa`, `cartes_bancaires`…); the shopper can change it. */
  'preferred-network'?: string;
  appearance?: StyleSpec;
  fonts?: string[];
}>;

declare module 'vue' {
  interface GlobalComponents {
    'tf-fields': TfFieldsComponent;
    'tf-card': TfFieldComponent;
    'tf-card-number': TfFieldComponent;
    'tf-card-expiry': TfFieldComponent;
    'tf-card-cvc': TfFieldComponent;
    'tf-cardholder-name': TfFieldComponent;
    'tf-postal-code': TfFieldComponent;
  }
}
