// docs/integration.md, "From token to money: charges": the merchant's server charges a token (the
// snippet verbatim, at the top level of a module, with the values it assumes declared below it).
import { Tokenframe, TokenframeCardError } from '@tokenframe/node';
const tf = new Tokenframe(process.env.TOKENFRAME_SECRET_KEY!, { vaultUrl: 'https://vault.example.com' });
try {
  // amount in minor units; idempotencyKey: your order id, so a retry (even after your own crash) never charges twice
  const charge = await tf.charges.create({ token, amount: 1999, currency: 'usd', orderId: order.id }, { idempotencyKey: `order-${order.id}` });
  showReceipt(charge); // charge.status 'succeeded', charge.card {brand, last4}, charge.processor.authcode
} catch (e) {
  if (e instanceof TokenframeCardError) showShopper(e.message); // 402 card_declined, e.charge is the declined charge
  else throw e;
}
// later: tf.charges.refund(charge.id, { amount: 500 }), tf.charges.capture(id) after capture: false, tf.charges.void(id)

declare const token: string;
declare const order: { id: string };
declare function showShopper(message: string): void;
declare function showReceipt(charge: { status: string }): void;
