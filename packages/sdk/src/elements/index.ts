// @tokenframe/sdk/elements: the custom-elements entry, a separate bundle so the core stays small.
// Importing it defines nothing; call defineTokenframeElements() on the client.
export { defineTokenframeElements, type ElementsOptions } from './define';
export { TfFieldsElement, FIELD_TAGS } from './tf-fields-element';
export {
  TfFieldElement,
  TfCardElement,
  TfCardNumberElement,
  TfCardExpiryElement,
  TfCardCvcElement,
  TfCardholderNameElement,
  TfPostalCodeElement,
} from './tf-field-element';
