// docs/integration.md, "Co-badged cards": the merchant's default network and the change event's fields.
import type { Tokenframe } from '@tokenframe/sdk';
declare const tf: Tokenframe;

export function coBadged() {
  // #region docs/integration.md: co-badged
  const fields = tf.fields({ preferredNetwork: 'cartes_bancaires' }); // or per field: create('card', { preferredNetwork })
  fields.on('change', (e) => console.log(e.fields.cardNumber?.networks, e.fields.cardNumber?.network));
  // #endregion
  return fields;
}
