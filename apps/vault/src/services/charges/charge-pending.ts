import type { ApiKeyRecord, ChargeRecord, ConnectionRecord, TokenRecord } from '../../stores/records';
import type { IdempotencyClaim } from '../idempotency';
import { routingNetwork } from '../routing-network';
import { newChargeId } from './charge-id';
import type { CreateChargeInput } from './charge-input';

const EMPTY_FACTS = { name: 'cardpointe', authcode: '', retref: '', respcode: '', resptext: '', respstat: '', avsresp: '', cvvresp: '' };

/** The pending row a charge starts as, committed before the processor is asked. */
export function pendingCharge(
  key: ApiKeyRecord,
  token: TokenRecord,
  conn: ConnectionRecord,
  claim: IdempotencyClaim,
  input: CreateChargeInput,
  now: number,
): ChargeRecord {
  return {
    id: newChargeId(),
    accountId: key.accountId,
    keyId: key.id,
    livemode: token.livemode,
    connectionId: conn.id,
    tokenId: token.id,
    idempotencyKey: claim.key,
    orderId: input.orderId ?? null,
    amount: input.amount,
    currency: input.currency,
    capture: input.capture ?? true,
    status: 'pending',
    amountAuthorized: 0,
    amountCaptured: 0,
    amountRefunded: 0,
    brand: token.brand,
    last4: token.last4,
    network: routingNetwork(token) ?? null,
    processor: EMPTY_FACTS,
    processorAccount: null,
    failureCode: null,
    createdAt: now,
    updatedAt: now,
  };
}
