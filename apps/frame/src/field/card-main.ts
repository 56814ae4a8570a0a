/** The card document (card.html, served for field.html?type=card): number, expiry and CVC in one <tf-card>. */
import '@tokenframe/fields/define-card';
import { bootField } from './boot-field';

bootField(true);
