// Registers <tf-input> only: a split field frame (number, expiry, CVC, name, postal) never needs
// <tf-card>, so its document does not carry that code (see define-card.ts, define.ts).
import { TfInput } from './tf-input';

declare global {
  interface HTMLElementTagNameMap {
    'tf-input': TfInput;
  }
}

if (!customElements.get('tf-input')) customElements.define('tf-input', TfInput);
