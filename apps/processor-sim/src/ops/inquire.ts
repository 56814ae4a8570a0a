import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import type { SimContext } from '../sim-context';
import { inquireAnswer } from './inquire-answer';

/** `GET inquire/:retref/:merchid`. Unknown, or another merchant's: PPS 29 "Txn not found". */
export function inquire(ctx: SimContext, retref: string, merchid: string): GatewayAnswer {
  const t = ctx.ledger.get(retref);
  if (!t || t.merchid !== merchid || merchid !== ctx.config.merchid) return ppsAnswer('29', { retref });
  return inquireAnswer(t);
}
