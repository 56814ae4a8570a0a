import type { GatewayAnswer } from '../pps-answer';
import type { TxnRecord } from '../txn-record';

/** The answer to a successful `void` / `voidByOrderId`: amount "0.00", authcode "REVERS". */
export function voidAnswer(t: TxnRecord): GatewayAnswer {
  return {
    merchid: t.merchid,
    account: t.account,
    amount: '0.00',
    currency: t.currency,
    retref: t.retref,
    respproc: 'PPS',
    respstat: 'A',
    respcode: '00',
    resptext: 'Approval',
    authcode: 'REVERS',
    ...(t.orderid ? { orderid: t.orderid } : {}),
  };
}
