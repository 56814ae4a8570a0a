// The processor simulator's own record of what it was asked (GET /__sim/ledger, the gateway's
// Basic credentials): what a spec checks to know a shopper was charged once, or declined.
import { e2eEnv } from './e2e-env';

/** The fields of the simulator's TxnRecord the specs read (amounts in cents). */
export interface SimTxn {
  retref: string;
  kind: 'auth' | 'refund';
  orderid: string;
  last4: string;
  amount: number;
  requested: number;
  captured: number;
  respstat: string;
  respcode: string;
  resptext: string;
  cvvresp: string;
  authcode: string;
}

const AUTH = `Basic ${Buffer.from('testing:testing123').toString('base64')}`;

export async function simLedger(): Promise<SimTxn[]> {
  const res = await fetch(`${e2eEnv().urls.processor}/__sim/ledger`, { headers: { authorization: AUTH } });
  if (!res.ok) throw new Error(`GET /__sim/ledger: ${res.status}`);
  return ((await res.json()) as { transactions: SimTxn[] }).transactions;
}

/** Authorizations the vault made for a charge (it sends the charge id as the processor's order id). */
export async function authsFor(chargeId: string): Promise<SimTxn[]> {
  return (await simLedger()).filter((t) => t.kind === 'auth' && t.orderid === chargeId);
}
