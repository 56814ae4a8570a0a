import { rpctAnswer } from './rpct-codes';
import { CODE_AMOUNTS, PARTIAL_APPROVAL_CARD, PARTIAL_APPROVAL_CENTS, PARTIAL_APPROVAL_FROM, TIMEOUT_CARDS } from './sandbox-cards';

export interface SandboxOutcome {
  respstat: 'A' | 'B' | 'C';
  respcode: string;
  resptext: string;
  respproc: string;
  /** Cents approved: the amount, less for a partial approval, 0 unless approved. */
  approved: number;
}

/**
 * What the "card network" answers for a request that passed the gateway's validation, the way
 * the real sandbox does. In order:
 *   1. the timeout cards → PPS 62 "Timed out", respstat B (retry);
 *   2. an expired card → FNOR 54 "Wrong expiration" (the gateway itself does not check expiry,
 *      the issuer declines);
 *   3. $1000.00–$1999.99 → the Rapid Connect code of the last three whole dollars
 *      ($1116.00 → RPCT 116 "Insufficient funds", C; $1000.xx → RPCT 000 "Approve", A);
 *   4. the partial-approval card with $6.00 or more → FNOR 10 "Partial Approval" for $5.00;
 *   5. otherwise FNOR 00 "Approval" for the whole amount (0 is an account verification).
 */
export function sandboxOutcome(pan: string, cents: number, expired: boolean): SandboxOutcome {
  if (TIMEOUT_CARDS.has(pan)) return { respstat: 'B', respcode: '62', resptext: 'Timed out', respproc: 'PPS', approved: 0 };
  if (expired) return { respstat: 'C', respcode: '54', resptext: 'Wrong expiration', respproc: 'FNOR', approved: 0 };
  if (cents >= CODE_AMOUNTS.from && cents <= CODE_AMOUNTS.to) {
    const respcode = String(Math.floor(cents / 100) % 1000).padStart(3, '0');
    const { respstat, resptext } = rpctAnswer(respcode);
    return { respstat, respcode, resptext, respproc: 'RPCT', approved: respstat === 'A' ? cents : 0 };
  }
  if (pan === PARTIAL_APPROVAL_CARD && cents >= PARTIAL_APPROVAL_FROM) {
    return { respstat: 'A', respcode: '10', resptext: 'Partial Approval', respproc: 'FNOR', approved: PARTIAL_APPROVAL_CENTS };
  }
  return { respstat: 'A', respcode: '00', resptext: 'Approval', respproc: 'FNOR', approved: cents };
}
