import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { isVoidable, type TxnRecord } from '../txn-record';
import { voidAnswer } from './void-answer';

/**
 * Voids one booked transaction (shared by `void` and `voidByOrderId`). An authorization can be
 * voided until its batch settles, captured or not, unless something was refunded; a refund can
 * be voided until it settles (the authorization's refundable amount grows back). Voiding what
 * is already voided answers the same approval again: the vendor tells clients to repeat a
 * `voidByOrderId` up to three times, so repeating must be harmless.
 */
export function voidTxn(ctx: SimContext, txn: TxnRecord): GatewayAnswer {
  if (txn.setlstat === 'Voided') return voidAnswer(txn);
  if (txn.respstat !== 'A' || txn.setlstat === 'Zero Amount') return ppsAnswer('29', { retref: txn.retref });
  if (!isVoidable(txn)) return ppsAnswer('27', { retref: txn.retref });
  const now = ctx.now();
  const voided = ctx.ledger.update(txn.retref, (t) => void (t.setlstat = 'Voided'), now);
  if (txn.kind === 'refund' && txn.parent) ctx.ledger.update(txn.parent, (p) => void (p.refunded -= txn.amount), now);
  return voidAnswer(voided);
}
