import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { inquireAnswer } from './inquire-answer';

/**
 * `GET inquireByOrderid/:orderid/:merchid[/1]`: the recovery path after a timeout. Every
 * transaction booked under the order id counts, declined and timed-out ones too (respstat
 * tells them apart). Without `/1`: the most recent one, or PPS 29 "Txn not found". With `/1`:
 * a JSON array of all of them, oldest first, `[]` when there is none.
 */
export function inquireByOrderId(ctx: SimContext, orderid: string, merchid: string, all: boolean): GatewayAnswer | GatewayAnswer[] {
  const txns = merchid === ctx.config.merchid ? ctx.ledger.byOrderId(orderid, merchid) : [];
  if (all) return txns.map(inquireAnswer);
  const last = txns.at(-1);
  return last ? inquireAnswer(last) : ppsAnswer('29', { orderid });
}
