// JSX typings for the Tokenframe custom elements, as React 19 sees them (attributes are strings).
import type { DetailedHTMLProps, HTMLAttributes, Ref } from 'react';

type TfAttributes<T = HTMLElement> = DetailedHTMLProps<HTMLAttributes<T>, T> & { ref?: Ref<T> };
type TfField = TfAttributes & { placeholder?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tf-fields': TfAttributes<HTMLElement & { tokenize(): Promise<import('@tokenframe/sdk').TokenizeResult> }> & {
        'publishable-key': string;
        'vault-url': string;
        'frames-url': string;
      };
      'tf-card': TfField;
      'tf-card-number': TfField;
      'tf-card-expiry': TfField;
      'tf-card-cvc': TfField;
      'tf-cardholder-name': TfField;
      'tf-postal-code': TfField;
    }
  }
}
