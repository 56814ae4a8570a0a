/**
 * The gateway's own answers (`respproc: "PPS"`): validation before anything reaches a card
 * network, and the state checks of capture / void / refund. Texts as the gateway writes them.
 */
export const PPS_CODES = {
  '11': 'Invalid card',
  '13': 'Bad card check digit',
  '14': 'Non-numeric CVV',
  '15': 'Non-numeric expiry',
  '21': 'Invalid merchant',
  '27': 'Txn Batched',
  '28': 'Txn not settled',
  '29': 'Txn not found',
  '31': 'Invalid currency',
  '32': 'Wrong currency for merch',
  '34': 'Invalid field',
  '42': 'Above max amount',
  '43': 'Invalid amount',
  '45': 'Refunds without reference not supported',
  '62': 'Timed out',
  '98': 'Invalid token',
} as const;
export type PpsCode = keyof typeof PPS_CODES;

/** respstat per PPS code: "B" (retry) for the temporary ones, "C" for the rest. */
export function ppsRespstat(code: PpsCode): 'B' | 'C' {
  return code === '62' ? 'B' : 'C';
}
