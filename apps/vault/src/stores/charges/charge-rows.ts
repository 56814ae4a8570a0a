import type { ChargeRecord, ChargeStatus, ProcessorFacts } from '../records';
import type { Row } from '../rows';

export const chargeFromRow = (r: Row): ChargeRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  keyId: r.key_id as string,
  livemode: Number(r.livemode) === 1,
  connectionId: r.connection_id as string,
  tokenId: r.token_id as string,
  idempotencyKey: (r.idempotency_key as string | null) ?? null,
  orderId: (r.order_id as string | null) ?? null,
  amount: Number(r.amount),
  currency: r.currency as string,
  capture: Number(r.capture) === 1,
  status: r.status as ChargeStatus,
  amountAuthorized: Number(r.amount_authorized),
  amountCaptured: Number(r.amount_captured),
  amountRefunded: Number(r.amount_refunded),
  brand: r.brand as string,
  last4: r.last4 as string,
  network: (r.network as string | null) ?? null,
  processor: JSON.parse(r.processor as string) as ProcessorFacts,
  processorAccount: (r.processor_account as string | null) ?? null,
  failureCode: (r.failure_code as string | null) ?? null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

export const chargeToRow = (c: ChargeRecord): Row => ({
  id: c.id,
  account_id: c.accountId,
  key_id: c.keyId,
  livemode: c.livemode ? 1 : 0,
  connection_id: c.connectionId,
  token_id: c.tokenId,
  idempotency_key: c.idempotencyKey,
  order_id: c.orderId,
  amount: c.amount,
  currency: c.currency,
  capture: c.capture ? 1 : 0,
  status: c.status,
  amount_authorized: c.amountAuthorized,
  amount_captured: c.amountCaptured,
  amount_refunded: c.amountRefunded,
  brand: c.brand,
  last4: c.last4,
  network: c.network,
  processor: JSON.stringify(c.processor),
  processor_account: c.processorAccount,
  failure_code: c.failureCode,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

/** The columns `update` writes, in order (the rest never change after insert). */
export const MUTABLE = [
  'status',
  'amount_authorized',
  'amount_captured',
  'amount_refunded',
  'processor',
  'processor_account',
  'failure_code',
  'updated_at',
] as const;
export const mutableValues = (c: ChargeRecord): unknown[] => {
  const row = chargeToRow(c);
  return MUTABLE.map((k) => row[k]);
};

/** The reconciliation query's condition, with its parameters in this order: pendingBefore, failedSince. */
export const RECONCILE_WHERE =
  "(status = 'pending' AND updated_at < {1}) OR (status = 'failed' AND failure_code IN ('processor_timeout', 'processor_error') AND updated_at >= {2})";
