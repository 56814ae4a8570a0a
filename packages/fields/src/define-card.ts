// Registers <tf-card> (and <tf-input>, which it renders). The frame imports this on demand, only
// for a `card` field, so split field documents stay smaller.
import './define-input';
import { TfCard } from './tf-card';

declare global {
  interface HTMLElementTagNameMap {
    'tf-card': TfCard;
  }
}

if (!customElements.get('tf-card')) customElements.define('tf-card', TfCard);
