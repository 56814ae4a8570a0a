/** Settlement status, as `inquire` reports it. */
export type SetlStat = 'Authorized' | 'Queued for Capture' | 'Accepted' | 'Voided' | 'Declined' | 'Zero Amount';

/**
 * One transaction in the simulator's ledger. Amounts are integer cents here (the wire carries
 * decimal strings). No card number, no CVV: `account` is the gateway's token, `last4` the rest.
 */
export interface TxnRecord {
  retref: string;
  kind: 'auth' | 'refund';
  merchid: string;
  /** '' when the request had none. */
  orderid: string;
  account: string;
  last4: string;
  currency: string;
  /** Cents asked for. */
  requested: number;
  /** Cents approved (auth) or refunded (refund); 0 for a decline. */
  amount: number;
  /** Cents captured (auths; refunds are captured at once). */
  captured: number;
  /** Cents refunded so far (auths). */
  refunded: number;
  respstat: 'A' | 'B' | 'C';
  respcode: string;
  resptext: string;
  respproc: string;
  authcode: string;
  avsresp: string;
  cvvresp: string;
  setlstat: SetlStat;
  /** '' until captured. */
  batchid: string;
  /** Every capture call naming this retref, refused ones included: > 1 shows a client retrying captures. */
  captureRequests: number;
  /** Refunds: the authorization they refund. */
  parent?: string;
  /** Auths: the refunds issued against it. */
  refunds: string[];
  createdAt: string;
  updatedAt: string;
}

/** Whether `void` would succeed now: approved, not yet settled, nothing refunded. */
export function isVoidable(t: TxnRecord): boolean {
  return t.respstat === 'A' && (t.setlstat === 'Authorized' || t.setlstat === 'Queued for Capture') && t.refunded === 0;
}

/** Whether `refund` would succeed now: a captured authorization with something left to refund. */
export function isRefundable(t: TxnRecord): boolean {
  return (
    t.kind === 'auth' && t.respstat === 'A' && (t.setlstat === 'Queued for Capture' || t.setlstat === 'Accepted') && t.refunded < t.captured
  );
}
