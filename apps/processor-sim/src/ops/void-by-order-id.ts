import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import { readFields } from '../read-fields';
import type { SimContext } from '../sim-context';
import { voidTxn } from './void-txn';

/**
 * `PUT voidByOrderId {merchid, orderid}`: voids every approved authorization booked under the
 * order id (declined and timed-out ones are ignored, as the gateway does since 2023) and
 * answers for the most recent one. Nothing approved under it: PPS 29 "Txn not found".
 * Repeating it is harmless (already voided answers the approval again).
 */
export function voidByOrderId(ctx: SimContext, body: Record<string, unknown>): GatewayAnswer {
  const read = readFields(body, ['merchid', 'orderid']);
  if ('invalid' in read) return ppsAnswer('34');
  const { merchid, orderid } = read.fields;
  if (!merchid || !orderid) return ppsAnswer('34');
  const approved =
    merchid === ctx.config.merchid ? ctx.ledger.byOrderId(orderid, merchid).filter((t) => t.kind === 'auth' && t.respstat === 'A') : [];
  if (approved.length === 0) return ppsAnswer('29', { orderid });
  let last: GatewayAnswer | undefined;
  for (const t of approved) last = voidTxn(ctx, t);
  return last as GatewayAnswer;
}
