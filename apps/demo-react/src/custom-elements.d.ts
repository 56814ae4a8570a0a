// JSX typings for the Tokenframe custom elements as React 19 sees them: attributes are strings,
// `appearance` is set as a property (React 19 assigns props the element defines).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { StyleSpec } from '@tokenframe/sdk';
import type { TfFieldElement, TfFieldsElement } from '@tokenframe/sdk/elements';

type Props<T extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<T>, T>;
type TfField = Props<TfFieldElement> & { label?: string; placeholder?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tf-fields': Props<TfFieldsElement> & {
        'publishable-key': string;
        locale?: string;
        appearance?: StyleSpec;
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
