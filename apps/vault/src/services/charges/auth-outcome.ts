import { randomBytes } from 'node:crypto';
import type { ChargeRecord, EventRecord, ProcessorFacts } from '../../stores/records';
import type { GatewayAnswer } from './cardpointe-connector';
import { chargeCard, chargeErrorBody, chargeView } from './charge-views';
import { fromDecimal } from './money';

const s = (a: GatewayAnswer, k: string): string => (a[k] === undefined || a[k] === null ? '' : String(a[k]));

export function factsOf(a: GatewayAnswer): ProcessorFacts {
  return {
    name: 'cardpointe',
    authcode: s(a, 'authcode'),
    retref: s(a, 'retref'),
    respcode: s(a, 'respcode'),
    resptext: s(a, 'resptext'),
    respstat: s(a, 'respstat'),
    avsresp: s(a, 'avsresp'),
    cvvresp: s(a, 'cvvresp'),
  };
}

/** A pending charge after the processor's answer to its authorization (or the inquiry that found it). */
export function applyAuthAnswer(c: ChargeRecord, a: GatewayAnswer, now: number): ChargeRecord {
  const processor = factsOf(a);
  const base = { ...c, processor, processorAccount: s(a, 'account') || null, updatedAt: now };
  if (processor.respstat !== 'A') {
    return { ...base, status: 'declined', failureCode: processor.respstat === 'B' ? 'try_again_later' : 'card_declined' };
  }
  const authorized = fromDecimal(s(a, 'amount'), c.currency) ?? c.amount;
  const captured = c.capture && (s(a, 'setlstat') === '' || s(a, 'setlstat') !== 'Authorized');
  return {
    ...base,
    status: captured ? 'succeeded' : 'authorized',
    amountAuthorized: authorized,
    amountCaptured: captured ? authorized : 0,
    failureCode: null,
  };
}

/** The event a charge's new state is announced with (same transaction as the row). */
export function chargeEvent(type: string, c: ChargeRecord, now: number, extra: Record<string, unknown> = {}): EventRecord {
  return {
    id: `evt_${randomBytes(12).toString('base64url')}`,
    accountId: c.accountId,
    type,
    livemode: c.livemode,
    createdAt: now,
    data: {
      chargeId: c.id,
      status: c.status,
      amount: c.amount,
      amountCaptured: c.amountCaptured,
      amountRefunded: c.amountRefunded,
      currency: c.currency.toLowerCase(),
      tokenId: c.tokenId,
      card: chargeCard(c),
      ...extra,
    },
  };
}

/** Which event a charge's creation ends with. */
export const createdEventType = (c: ChargeRecord): string | undefined =>
  c.status === 'succeeded' || c.status === 'authorized'
    ? 'charge.succeeded'
    : c.status === 'declined'
      ? 'charge.declined'
      : c.status === 'voided'
        ? 'charge.voided'
        : undefined;

/** The answer to POST /v1/charges for a charge in its final creation state. */
export function createdResponse(c: ChargeRecord, requestId: string): { status: number; body: unknown } {
  switch (c.status) {
    case 'succeeded':
    case 'authorized':
    case 'voided':
      return { status: 201, body: chargeView(c) };
    case 'declined':
      return {
        status: 402,
        body: chargeErrorBody('card_declined', declineMessage(c), c, requestId, { declineCode: c.processor.respcode }),
      };
    case 'failed':
      return c.failureCode === 'processor_timeout'
        ? {
            status: 504,
            body: chargeErrorBody(
              'processor_timeout',
              'The processor did not answer in time. The vault asked it about the order and voided anything it may have authorized: the shopper was not charged. Create a new charge (new Idempotency-Key) to try again.',
              c,
              requestId,
              { retryable: false },
            ),
          }
        : {
            status: 502,
            body: chargeErrorBody(
              'processor_error',
              'The processor refused or failed the request; the vault voided anything it may have authorized, so nothing was charged. Create a new charge (new Idempotency-Key) to try again; if it keeps failing, ask the operator to check the connection.',
              c,
              requestId,
              { retryable: false },
            ),
          };
    case 'pending':
      return {
        status: 504,
        body: chargeErrorBody(
          'processor_timeout',
          'The processor did not answer and could not yet be asked what happened. Retry with the SAME Idempotency-Key: the vault resumes this charge (it never authorizes twice).',
          c,
          requestId,
          { retryable: true },
        ),
      };
  }
}

function declineMessage(c: ChargeRecord): string {
  if (c.failureCode === 'partial_approval')
    return 'The card was approved for less than the amount; the partial authorization was voided. Ask the shopper for another card.';
  if (c.failureCode === 'try_again_later')
    return `The processor could not complete the authorization (${c.processor.resptext || 'retry'}). Try again later with a new Idempotency-Key.`;
  return `The card was declined: ${c.processor.resptext || 'Decline'}.`;
}
