import { formatAmount } from '../format-amount';
import { parseAmount } from '../parse-amount';
import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { findTxn } from './find-txn';

/**
 * `PUT capture {merchid, retref, amount?}`: queues an authorization for settlement, all of it
 * or `amount` of it (a partial capture releases the rest). A second capture of the same
 * retref is refused (PPS 27 "Txn Batched") and counted in `captureRequests`, so a client that
 * retries captures shows in the ledger instead of being hidden by an idempotent answer.
 */
export function capture(ctx: SimContext, body: Record<string, unknown>): GatewayAnswer {
  const found = findTxn(ctx, body, ['amount']);
  if ('answer' in found) return found.answer;
  const { txn, fields } = found;
  const retref = txn.retref;
  ctx.ledger.update(retref, (t) => void t.captureRequests++, ctx.now());
  if (txn.kind !== 'auth' || txn.respstat !== 'A' || txn.setlstat === 'Voided' || txn.setlstat === 'Zero Amount')
    return ppsAnswer('29', { retref });
  if (txn.setlstat !== 'Authorized') return ppsAnswer('27', { retref });
  const cents = fields.amount === undefined ? txn.amount : parseAmount(fields.amount);
  if (cents === undefined || cents <= 0 || cents > txn.amount) return ppsAnswer('43', { retref });
  const t = ctx.ledger.update(
    retref,
    (t) => {
      t.captured = cents;
      t.setlstat = 'Queued for Capture';
      t.batchid = ctx.ledger.batchId;
    },
    ctx.now(),
  );
  return {
    merchid: t.merchid,
    account: t.account,
    amount: formatAmount(t.captured),
    retref,
    setlstat: t.setlstat,
    batchid: t.batchid,
    respproc: 'PPS',
    respstat: 'A',
    respcode: '00',
    resptext: 'Approval',
    authcode: t.authcode,
    commcard: 'N',
    ...(t.orderid ? { orderid: t.orderid } : {}),
  };
}
