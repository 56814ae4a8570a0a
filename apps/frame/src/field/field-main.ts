/** The split field document (field.html): number, expiry, CVC, name or postal code, one <tf-input>. */
import '@tokenframe/fields/define-input';
import { bootField } from './boot-field';

bootField(false);
