import {
  TfCardCvcElement,
  TfCardElement,
  TfCardExpiryElement,
  TfCardholderNameElement,
  TfCardNumberElement,
  TfPostalCodeElement,
  type TfFieldElement,
} from './tf-field-element';
import { setElementsOptions } from './elements-options';
import { TfFieldsElement } from './tf-fields-element';

const ELEMENTS = {
  'tf-fields': TfFieldsElement,
  'tf-card': TfCardElement,
  'tf-card-number': TfCardNumberElement,
  'tf-card-expiry': TfCardExpiryElement,
  'tf-card-cvc': TfCardCvcElement,
  'tf-cardholder-name': TfCardholderNameElement,
  'tf-postal-code': TfPostalCodeElement,
} as const;

export interface ElementsOptions {
  /** Origin of the vault API, e.g. `https://vault.example.com`. */
  vaultUrl: string;
  /** Origin that serves the frames, e.g. `https://frames.example.com`. */
  framesUrl: string;
}

/**
 * Registers the Tokenframe tags, with the vault and frames URLs every `<tf-fields>` uses (in script,
 * so markup injected into the page cannot choose them). Call once on the client (it is a no-op for
 * tags already defined, so hot reload and two copies on one page do not throw; other URLs throw).
 * Define children after the parent so the group exists when they connect.
 */
export function defineTokenframeElements(options: ElementsOptions, registry: CustomElementRegistry = customElements): void {
  setElementsOptions(options);
  for (const [tag, element] of Object.entries(ELEMENTS)) if (!registry.get(tag)) registry.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-fields': TfFieldsElement;
    'tf-card': TfFieldElement;
    'tf-card-number': TfFieldElement;
    'tf-card-expiry': TfFieldElement;
    'tf-card-cvc': TfFieldElement;
    'tf-cardholder-name': TfFieldElement;
    'tf-postal-code': TfFieldElement;
  }
}
