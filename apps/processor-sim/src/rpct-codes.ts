/**
 * Rapid Connect answers 000–199, the range the sandbox's $1000–$1999.99 amounts select
 * (last three whole-dollar digits). A code missing here answers "Decline", respstat C.
 */
export const RPCT_CODES: Readonly<Record<string, readonly ['A' | 'B' | 'C', string]>> = Object.freeze({
  '000': ['A', 'Approve'],
  '001': ['C', 'Schema Validation Error'],
  '002': ['A', 'Approve for partial amount'],
  '003': ['A', 'Approve VIP'],
  '100': ['C', 'Do not honor'],
  '101': ['C', 'Expired card'],
  '102': ['C', 'Suspected fraud'],
  '104': ['C', 'Restricted card'],
  '105': ['C', 'Call acquirer security department'],
  '106': ['C', 'Allowable PIN tries exceeded'],
  '107': ['C', 'Call for authorization'],
  '108': ['C', 'Refer to issuer special conditions'],
  '109': ['C', 'Invalid merchant'],
  '110': ['C', 'Invalid amount'],
  '114': ['C', 'Invalid account type'],
  '116': ['C', 'Insufficient funds'],
  '117': ['C', 'Incorrect PIN'],
  '118': ['C', 'No card record'],
  '119': ['C', 'Transaction not permitted to cardholder'],
  '120': ['C', 'Transaction not permitted to terminal'],
  '121': ['C', 'Exceeds withdrawal amount'],
  '122': ['C', 'Security violation'],
  '123': ['C', 'Exceeds withdrawal frequency limit'],
  '124': ['C', 'Violation of law'],
  '129': ['C', 'Suspected counterfeit card'],
  '130': ['C', 'Invalid terminal'],
  '131': ['C', 'Invalid account number'],
  '132': ['C', 'Unmatched card expiry date'],
  '150': ['C', 'Invalid merchant set up'],
  '151': ['C', 'Activation failed'],
  '152': ['C', 'Exceeds limit'],
  '153': ['C', 'Already redeemed'],
  '154': ['C', 'Over monthly limit'],
  '155': ['C', 'Recharge amount exceeded'],
  '156': ['C', 'Max number of recharges exceeded'],
  '157': ['C', 'Invalid entry'],
});

/** The answer for a three-digit code: the table's, else a plain decline. */
export function rpctAnswer(code: string): { respstat: 'A' | 'B' | 'C'; resptext: string } {
  const [respstat, resptext] = RPCT_CODES[code] ?? ['C', 'Decline'];
  return { respstat, resptext };
}
