import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import { readFields } from '../read-fields';
import type { SimContext } from '../sim-context';
import type { TxnRecord } from '../txn-record';

/**
 * Reads `merchid` + `retref` (and the other `known` fields) and finds the transaction. A
 * transaction of another merchant id answers exactly like an unknown one: PPS 29 "Txn not
 * found" (the gateway does this for refunds since 2023; the simulator does it everywhere).
 */
export function findTxn(
  ctx: SimContext,
  body: Record<string, unknown>,
  known: readonly string[] = [],
): { txn: TxnRecord; fields: Record<string, string> } | { answer: GatewayAnswer } {
  const read = readFields(body, ['merchid', 'retref', ...known]);
  if ('invalid' in read) return { answer: ppsAnswer('34') };
  const { merchid, retref } = read.fields;
  if (!merchid || !retref) return { answer: ppsAnswer('34', retref ? { retref } : {}) };
  const txn = ctx.ledger.get(retref);
  if (!txn || txn.merchid !== merchid || merchid !== ctx.config.merchid) return { answer: ppsAnswer('29', { retref }) };
  return { txn, fields: read.fields };
}
