import type { GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { findTxn } from './find-txn';
import { voidTxn } from './void-txn';

/** `PUT void {merchid, retref, amount?}`: voids the whole transaction (`amount` is read but a partial reversal is not simulated). */
export function voidByRetref(ctx: SimContext, body: Record<string, unknown>): GatewayAnswer {
  const found = findTxn(ctx, body, ['amount']);
  return 'answer' in found ? found.answer : voidTxn(ctx, found.txn);
}
