// The receipt's "Refund" button: the shop's backend refunds all of a charge through
// @tokenframe/node. The Idempotency-Key is derived from the charge id, so a double click, a
// retried request or a second tab refunds once: the vault answers the first refund again.
import { TokenframeApiError, type Tokenframe } from '@tokenframe/node';

/** Charge ids are opaque; this bounds what we forward to the vault. */
export const CHARGE_ID = /^ch_[A-Za-z0-9]{8,64}$/;

export const refundIdempotencyKeyFor = (chargeId: string): string => `demo-refund-${chargeId}`;

export interface RefundSummary {
  id: string;
  status: string;
  currency: string;
  amountRefunded: number;
  refunded: boolean;
}

export type RefundResult =
  | { ok: true; body: { charge: RefundSummary } }
  | { ok: false; status: number; body: { error: { type: 'api_error'; code: string; message: string } } };

export async function refundCharge(tf: Tokenframe, chargeId: string): Promise<RefundResult> {
  try {
    const c = await tf.charges.refund(chargeId, {}, { idempotencyKey: refundIdempotencyKeyFor(chargeId) });
    return {
      ok: true,
      body: { charge: { id: c.id, status: c.status, currency: c.currency, amountRefunded: c.amountRefunded, refunded: c.refunded } },
    };
  } catch (e) {
    if (e instanceof TokenframeApiError) {
      if (e.status === 404) return fail(404, e.code, 'The shop could not find this payment.');
      if (e.status === 409 || e.status === 400) return fail(409, e.code, 'This payment cannot be refunded (it may already be refunded).');
      return fail(502, e.code, 'The refund could not be confirmed. Please check the payment before trying again.');
    }
    return fail(502, 'network_error', 'The payment service did not answer. Please check the payment before trying again.');
  }
}

function fail(status: number, code: string, message: string): RefundResult {
  return { ok: false, status, body: { error: { type: 'api_error', code, message } } };
}
