// The merchant backend's one call to the vault: charge the token for the order's total, through
// @tokenframe/node (Bearer header, Idempotency-Key, timeout, retries, typed errors). The vault
// opens the card and asks the processor; this process sees a charge id, brand, last4 and the
// processor's authorization code, never card data.
import { TokenframeApiError, TokenframeCardError, type Charge, type Tokenframe } from '@tokenframe/node';
import type { TestOutcome } from './demo-order';

/** Token ids are opaque; this bounds what we forward to the vault. */
export const TOKEN_ID = /^tok_[A-Za-z0-9_-]{8,120}$/;

/** What the page gets back about a charge: enough for a receipt, nothing about the card beyond brand and last4. */
export interface ChargeSummary {
  id: string;
  status: string;
  amount: number;
  currency: string;
  brand: string;
  last4: string;
  /** A co-badged card's network the shopper chose (e.g. `mastercard`): what the charge was routed on. */
  network?: string;
  authcode: string;
  retref: string;
}

export interface PayError {
  type: 'card_error' | 'api_error';
  code: string;
  /** For the shopper: shown on the page as it is. */
  message: string;
  declineCode?: string;
}

export type PayResult =
  | { ok: true; body: { token: string; charge: ChargeSummary } }
  | { ok: false; status: number; body: { error: PayError; charge?: ChargeSummary } };

const NOT_CHARGED = 'You have not been charged';

/**
 * One pay attempt = one token (the page tokenizes on every submit), so the Idempotency-Key is
 * derived from the token: a double-click, a retried request or a reload that re-sends the same
 * token gets the first charge back from the vault instead of a second authorization.
 */
export const idempotencyKeyFor = (token: string): string => `demo-pay-${token}`;

export async function chargeToken(tf: Tokenframe, token: string, outcome: TestOutcome): Promise<PayResult> {
  try {
    const charge = await tf.charges.create(
      { token, amount: outcome.totalCents, currency: 'usd' },
      { idempotencyKey: idempotencyKeyFor(token) },
    );
    if (charge.status !== 'succeeded') {
      return fail(502, 'api_error', 'payment_incomplete', `The payment could not be completed. ${NOT_CHARGED} — please try again.`, charge);
    }
    return { ok: true, body: { token, charge: summary(charge) } };
  } catch (e) {
    if (e instanceof TokenframeCardError) return fail(402, 'card_error', e.code, declineMessage(e), e.charge, e.declineCode);
    if (e instanceof TokenframeApiError) {
      if (e.status === 404) return fail(404, 'api_error', e.code, 'The shop could not confirm this card. Please enter it again.');
      if (e.status === 422 && e.code === 'idempotency_conflict')
        return fail(409, 'api_error', e.code, 'This card entry was already used for another payment. Please enter the card again.');
      const status = e.status >= 500 ? 502 : e.status === 400 ? 400 : 502;
      return fail(status, 'api_error', e.code, `The payment could not be completed. ${NOT_CHARGED} — please try again in a moment.`);
    }
    return fail(502, 'api_error', 'network_error', `The payment service did not answer. ${NOT_CHARGED} — please try again in a moment.`);
  }
}

/** The shopper's words for a 402: the processor's reason for a plain decline, our own for the vault's special cases. */
function declineMessage(e: TokenframeCardError): string {
  if (e.code === 'expired_card') return `Your card has expired. ${NOT_CHARGED} — please use another card.`;
  if (e.code !== 'card_declined') return `Your card could not be charged. ${NOT_CHARGED} — please try another card.`;
  // The vault voided a partial approval (all or nothing), or the processor asked to retry later.
  if (e.charge?.failureCode === 'partial_approval')
    return `Your card was approved for less than the total, so the payment was cancelled. ${NOT_CHARGED} — please try another card.`;
  if (e.charge?.failureCode === 'try_again_later') return `Your bank could not be reached. ${NOT_CHARGED} — please try again in a moment.`;
  const reason = e.charge?.processor.resptext;
  return `Your card was declined${reason ? ` (${reason})` : ''}. ${NOT_CHARGED} — please try another card.`;
}

function fail(status: number, type: PayError['type'], code: string, message: string, charge?: Charge, declineCode?: string): PayResult {
  return {
    ok: false,
    status,
    body: { error: { type, code, message, ...(declineCode ? { declineCode } : {}) }, ...(charge ? { charge: summary(charge) } : {}) },
  };
}

function summary(c: Charge): ChargeSummary {
  return {
    id: c.id,
    status: c.status,
    amount: c.amount,
    currency: c.currency,
    brand: c.card.brand,
    last4: c.card.last4,
    ...(c.card.network === undefined ? {} : { network: c.card.network }),
    authcode: c.processor.authcode,
    retref: c.processor.retref,
  };
}
