import { formatAmount } from '../format-amount';
import { parseAmount } from '../parse-amount';
import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { findTxn } from './find-txn';

/**
 * `PUT refund {merchid, retref, amount?}`: refunds a captured authorization, all that is left
 * or `amount` of it, never more than was captured in total. The refund is a transaction of its
 * own (new retref, authcode "REFUND"), captured at once. An authorization that was never
 * captured answers PPS 28 "Txn not settled": void it instead.
 */
export function refund(ctx: SimContext, body: Record<string, unknown>): GatewayAnswer {
  const found = findTxn(ctx, body, ['amount']);
  if ('answer' in found) return found.answer;
  const { txn, fields } = found;
  const retref = txn.retref;
  if (
    txn.kind !== 'auth' ||
    txn.respstat !== 'A' ||
    txn.setlstat === 'Voided' ||
    txn.setlstat === 'Zero Amount' ||
    txn.setlstat === 'Declined'
  ) {
    return ppsAnswer('29', { retref });
  }
  if (txn.setlstat === 'Authorized') return ppsAnswer('28', { retref });
  const left = txn.captured - txn.refunded;
  const cents = fields.amount === undefined ? left : parseAmount(fields.amount);
  if (cents === undefined || cents <= 0 || cents > left) return ppsAnswer('43', { retref });
  const now = ctx.now();
  const refundRetref = ctx.ledger.newRetref();
  ctx.ledger.add({
    ...txn,
    retref: refundRetref,
    kind: 'refund',
    orderid: '',
    requested: cents,
    amount: cents,
    captured: cents,
    refunded: 0,
    respproc: 'PPS',
    respstat: 'A',
    respcode: '00',
    resptext: 'Approval',
    authcode: 'REFUND',
    setlstat: 'Queued for Capture',
    batchid: ctx.ledger.batchId,
    captureRequests: 0,
    parent: retref,
    refunds: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  ctx.ledger.update(
    retref,
    (t) => {
      t.refunded += cents;
      t.refunds.push(refundRetref);
    },
    now,
  );
  return {
    merchid: txn.merchid,
    account: txn.account,
    amount: formatAmount(cents),
    retref: refundRetref,
    respproc: 'PPS',
    respstat: 'A',
    respcode: '00',
    resptext: 'Approval',
    authcode: 'REFUND',
  };
}
