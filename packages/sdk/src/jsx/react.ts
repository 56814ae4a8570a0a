// @tokenframe/sdk/react: the custom elements in React's JSX (React 19 sets `appearance` as a
// property because <tf-fields> defines it; the other props are attributes). Types only; load them once:
//   import type {} from '@tokenframe/sdk/react';   (or: /// <reference types="@tokenframe/sdk/react" />)
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { StyleSpec } from '@tokenframe/protocol';
import type { TfFieldElement, TfFieldsElement } from '../elements/index';

type Props<T extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<T>, T>;

/** A field element: `<tf-card-number label="Card number" placeholder="…" />`. */
export type TfFieldProps = Props<TfFieldElement> & { label?: string; placeholder?: string };

/**
 * The group: `<tf-fields publishable-key locale appearance fonts>`. The vault and frames URLs are
 * set in script with `defineTokenframeElements({ vaultUrl, framesUrl })`: `<tf-fields>` refuses
 * `vault-url`/`frames-url` attributes, so they are typed `never` (TSX does not check unknown
 * hyphenated attributes, so leaving them out would not catch them).
 */
export type TfFieldsProps = Props<TfFieldsElement> & {
  'publishable-key': string;
  'vault-url'?: never;
  'frames-url'?: never;
  locale?: string;
  /** Co-badged cards: the network selected first (`visa`, `cartes_bancaires`…); the shopper can change it. */
  'preferred-network'?: string;
  appearance?: StyleSpec;
  fonts?: string[];
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX namespace is how tags are typed
  namespace JSX {
    interface IntrinsicElements {
      'tf-fields': TfFieldsProps;
      'tf-card': TfFieldProps;
      'tf-card-number': TfFieldProps;
      'tf-card-expiry': TfFieldProps;
      'tf-card-cvc': TfFieldProps;
      'tf-cardholder-name': TfFieldProps;
      'tf-postal-code': TfFieldProps;
    }
  }
}
