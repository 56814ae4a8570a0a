// Registers the field elements. Separate from the classes so importing a class has no side effect.
import { TfCard } from './tf-card';
import { TfInput } from './tf-input';

declare global {
  interface HTMLElementTagNameMap {
    'tf-input': TfInput;
    'tf-card': TfCard;
  }
}

if (!customElements.get('tf-input')) customElements.define('tf-input', TfInput);
if (!customElements.get('tf-card')) customElements.define('tf-card', TfCard);
