import type { CardBrand } from '@tokenframe/card';
import type { FieldErrorCode, InputKind } from '../locale/messages';

/** What an input knows about the card around it (the CVC length depends on the number's brand). */
export interface KindContext {
  brand?: CardBrand;
}

/** The state of one input. `code` is why it is not valid yet; whether it is *shown* is the element's call. */
export interface KindState {
  empty: boolean;
  complete: boolean;
  /** Definitely wrong, even while typing (e.g. a failed Luhn check at full length). */
  invalid: boolean;
  code?: FieldErrorCode;
  brand?: CardBrand;
}

/** Everything that differs between the number, expiry, CVC, name and postal inputs; pure, no DOM. */
export interface InputKindSpec {
  kind: InputKind;
  autocomplete: string;
  inputMode: 'numeric' | 'text';
  /** Digits-only inputs are laid out left-to-right even in RTL locales. */
  numeric: boolean;
  isSignificant(ch: string): boolean;
  format(raw: string, ctx: KindContext): string;
  evaluate(value: string, ctx: KindContext): KindState;
}
