import { formatAmount } from '../format-amount';
import type { GatewayAnswer } from '../pps-answer';
import { isRefundable, isVoidable, type TxnRecord } from '../txn-record';

/**
 * A transaction as `inquire` / `inquireByOrderid` show it: the original answer plus its state
 * now. `amount` is the captured amount once captured, else the approved amount.
 */
export function inquireAnswer(t: TxnRecord): GatewayAnswer {
  return {
    merchid: t.merchid,
    account: t.account,
    amount: formatAmount(t.captured > 0 ? t.captured : t.amount),
    currency: t.currency,
    retref: t.retref,
    respproc: t.respproc,
    respstat: t.respstat,
    respcode: t.respcode,
    resptext: t.resptext,
    authcode: t.authcode,
    avsresp: t.avsresp,
    cvvresp: t.cvvresp,
    commcard: 'N',
    setlstat: t.setlstat,
    capture: t.captured > 0 ? 'Y' : 'N',
    voidable: isVoidable(t) ? 'Y' : 'N',
    refundable: isRefundable(t) ? 'Y' : 'N',
    ...(t.batchid ? { batchid: t.batchid } : {}),
    ...(t.orderid ? { orderid: t.orderid } : {}),
  };
}
