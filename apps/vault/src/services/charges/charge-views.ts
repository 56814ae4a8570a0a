import { errorTypeOf, type ErrorCode } from '@tokenframe/protocol';
import type { ChargeRecord } from '../../stores/records';

export interface ChargeView {
  id: string;
  object: 'charge';
  livemode: boolean;
  status: ChargeRecord['status'];
  amount: number;
  amountAuthorized: number;
  amountCaptured: number;
  amountRefunded: number;
  currency: string;
  captured: boolean;
  refunded: boolean;
  orderId: string | null;
  token: string;
  connection: string;
  /** `network`: a co-badged card's chosen network, only when there is one. */
  card: { brand: string; last4: string; network?: string };
  processor: { name: string; authcode: string; retref: string; respcode: string; resptext: string; avsresp: string; cvvresp: string };
  failureCode: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Brand and last4, and a co-badged card's chosen network when there is one. */
export const chargeCard = (c: ChargeRecord): ChargeView['card'] => ({
  brand: c.brand,
  last4: c.last4,
  ...(c.network === null ? {} : { network: c.network }),
});

/**
 * What a secret key sees of a charge: amounts, states, brand and last4, and the processor's
 * answer codes. Never the card, never the processor's own card token (`processorAccount`).
 */
export function chargeView(c: ChargeRecord): ChargeView {
  const p = c.processor;
  return {
    id: c.id,
    object: 'charge',
    livemode: c.livemode,
    status: c.status,
    amount: c.amount,
    amountAuthorized: c.amountAuthorized,
    amountCaptured: c.amountCaptured,
    amountRefunded: c.amountRefunded,
    currency: c.currency.toLowerCase(),
    captured: c.amountCaptured > 0,
    refunded: c.amountCaptured > 0 && c.amountRefunded >= c.amountCaptured,
    orderId: c.orderId,
    token: c.tokenId,
    connection: c.connectionId,
    card: chargeCard(c),
    processor: {
      name: p.name,
      authcode: p.authcode,
      retref: p.retref,
      respcode: p.respcode,
      resptext: p.resptext,
      avsresp: p.avsresp,
      cvvresp: p.cvvresp,
    },
    failureCode: c.failureCode,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** An error answer that carries the charge (402 decline, 502/504 after the processor was asked). */
export function chargeErrorBody(
  code: ErrorCode,
  message: string,
  c: ChargeRecord,
  requestId: string,
  extra: { retryable?: boolean; declineCode?: string } = {},
): { error: Record<string, unknown>; charge: ChargeView } {
  return { error: { type: errorTypeOf(code), code, message, ...extra, requestId }, charge: chargeView(c) };
}
