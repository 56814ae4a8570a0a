import { formatAmount } from './format-amount';
import type { GatewayAnswer } from './pps-answer';
import type { TxnRecord } from './txn-record';

/** The `auth` answer for a transaction in the ledger (approved, declined or timed out). */
export function authAnswer(t: TxnRecord): GatewayAnswer {
  return {
    amount: formatAmount(t.amount),
    resptext: t.resptext,
    commcard: 'N',
    cvvresp: t.cvvresp,
    avsresp: t.avsresp,
    respcode: t.respcode,
    merchid: t.merchid,
    authcode: t.authcode,
    respproc: t.respproc,
    retref: t.retref,
    respstat: t.respstat,
    account: t.account,
    ...(t.orderid ? { orderid: t.orderid } : {}),
  };
}
