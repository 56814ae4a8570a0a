import { randomInt } from 'node:crypto';
import { isLuhnValid } from '@tokenframe/card';
import { authAnswer } from '../auth-answer';
import { avsResponse } from '../avs-response';
import { cvvResponse } from '../cvv-response';
import { gatewayToken } from '../gateway-token';
import { parseAmount } from '../parse-amount';
import { ppsAnswer, type GatewayAnswer } from '../pps-answer';
import { isExpired, readCardExpiry } from '../read-card-expiry';
import { readFields } from '../read-fields';
import { MAX_AMOUNT_CENTS } from '../sandbox-cards';
import { sandboxOutcome } from '../sandbox-outcome';
import type { SimContext } from '../sim-context';
import type { TxnRecord } from '../txn-record';

/** The `auth` fields the simulator reads; any other field is ignored. */
const AUTH_FIELDS = [
  'merchid',
  'account',
  'expiry',
  'amount',
  'currency',
  'cvv2',
  'name',
  'company',
  'address',
  'address2',
  'city',
  'region',
  'country',
  'postal',
  'phone',
  'email',
  'orderid',
  'ecomind',
  'capture',
  'profile',
  'tokenize',
  'bin',
  'receipt',
  'cof',
  'cofscheduled',
  'cofpermission',
  'termid',
  'accttype',
] as const;

/**
 * `PUT auth`. First the gateway's own checks, answered by PPS and never booked (merchant,
 * field types, card number, expiry format, amount, currency, CVV); then the sandbox outcome,
 * booked in the ledger whatever it is, so `inquire` and `inquireByOrderid` find it.
 */
export function authorize(ctx: SimContext, body: Record<string, unknown>): GatewayAnswer {
  const read = readFields(body, AUTH_FIELDS);
  if ('invalid' in read) return ppsAnswer('34');
  const f = read.fields;
  if (f.merchid === undefined || f.merchid === '') return ppsAnswer('34');
  if (f.merchid !== ctx.config.merchid) return ppsAnswer('21', { merchid: f.merchid });
  const merchid = f.merchid;
  const pan = f.account ?? '';
  if (!/^\d{12,19}$/.test(pan)) return ppsAnswer('11', { merchid });
  // The gateway's own tokens start with 9 and fail the Luhn check; the simulator keeps no
  // card behind them, so it cannot charge one.
  if (/^9\d{15}$/.test(pan) && !isLuhnValid(pan)) return ppsAnswer('98', { merchid });
  if (!isLuhnValid(pan)) return ppsAnswer('13', { merchid });
  const expiry = readCardExpiry(f.expiry ?? '');
  if (!expiry) return ppsAnswer('15', { merchid });
  if (f.amount === undefined) return ppsAnswer('34', { merchid });
  const cents = parseAmount(f.amount);
  if (cents === undefined) return ppsAnswer('43', { merchid });
  if (cents < 0) return ppsAnswer('45', { merchid });
  if (cents > MAX_AMOUNT_CENTS) return ppsAnswer('42', { merchid });
  const currency = f.currency ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) return ppsAnswer('31', { merchid });
  if (!ctx.config.currencies.includes(currency)) return ppsAnswer('32', { merchid });
  if (f.cvv2 !== undefined && !/^\d{3,4}$/.test(f.cvv2)) return ppsAnswer('14', { merchid });
  if (f.ecomind !== undefined && !['E', 'R', 'T'].includes(f.ecomind)) return ppsAnswer('34', { merchid });
  if (f.capture !== undefined && !['Y', 'N'].includes(f.capture)) return ppsAnswer('34', { merchid });

  const now = ctx.now();
  const outcome = sandboxOutcome(pan, cents, isExpired(expiry, now));
  const approved = outcome.respstat === 'A';
  const capture = approved && f.capture === 'Y' && outcome.approved > 0;
  const txn: TxnRecord = {
    retref: ctx.ledger.newRetref(),
    kind: 'auth',
    merchid,
    orderid: f.orderid ?? '',
    account: gatewayToken(pan),
    last4: pan.slice(-4),
    currency,
    requested: cents,
    amount: outcome.approved,
    captured: capture ? outcome.approved : 0,
    refunded: 0,
    respstat: outcome.respstat,
    respcode: outcome.respcode,
    resptext: outcome.resptext,
    respproc: outcome.respproc,
    authcode: approved ? `PPS${randomInt(100, 1000)}` : '',
    avsresp: avsResponse(f.postal),
    cvvresp: cvvResponse(f.cvv2),
    setlstat: !approved ? 'Declined' : outcome.approved === 0 ? 'Zero Amount' : capture ? 'Queued for Capture' : 'Authorized',
    batchid: capture ? ctx.ledger.batchId : '',
    captureRequests: 0,
    refunds: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  ctx.ledger.add(txn);
  return authAnswer(txn);
}
