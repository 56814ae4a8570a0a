import type { ApiKeyRecord, ChargeRecord, ConnectionRecord, TokenRecord } from '../../stores/records';
import { Rollback } from '../../stores/rollback';
import type { IdempotencyClaim, Outcome } from '../idempotency';
import { vaultError, type VaultError } from '../vault-error';
import { applyAuthAnswer, createdResponse } from './auth-outcome';
import type { AuthRequest, GatewayAnswer } from './cardpointe-connector';
import { cardExpired, openChargeCard } from './charge-card';
import { visibleCharge, visibleToken, type ChargeDeps } from './charge-context';
import { finalCharge } from './charge-final';
import { pendingCharge } from './charge-pending';
import type { CreateChargeInput } from './charge-input';
import { chargeView, type ChargeView } from './charge-views';
import { fromDecimal, toDecimal } from './money';
import { ProcessorFailure } from './processor-failure';
import { recoverAuth } from './recover-auth';
import { reconcileCharges } from './reconcile-charges';

const NO_TOKEN = vaultError(404, 'resource_missing', 'No such token.', 'token');
const NO_CHARGE = vaultError(404, 'resource_missing', 'No such charge.', 'id');

export interface CreateCharge {
  key: ApiKeyRecord;
  claim: IdempotencyClaim;
  input: CreateChargeInput;
  requestId: string;
}

/**
 * Charges (DESIGN.md "Spending a token"): the vault opens the token's card itself and authorizes
 * it with the account's processor. The pending row (and the CVC's deletion) commits BEFORE the
 * processor call, the result after it, with its event and the stored answer in one transaction.
 * A lost answer is never retried: recoverAuth asks the processor and voids what is unclear.
 */
export class ChargeService {
  readonly #d: ChargeDeps;

  constructor(d: ChargeDeps) {
    this.#d = d;
  }

  async retrieve(key: ApiKeyRecord, id: string): Promise<ChargeView | VaultError> {
    const c = await visibleCharge(this.#d.stores, key, id);
    return c ? chargeView(c) : NO_CHARGE;
  }

  /** One reconciliation pass (the purge sweep runs it): resumes dead pending charges, voids late authorizations. */
  reconcile(): Promise<{ resumed: number; lateVoided: number }> {
    return reconcileCharges(this.#d, (c) =>
      this.#resume(c, { accountId: c.accountId, key: c.idempotencyKey ?? `reconcile:${c.id}`, clientTag: 'reconcile' }, 'req_reconcile'),
    );
  }

  async create(r: CreateCharge): Promise<Outcome> {
    const { key, claim, input } = r;
    const d = this.#d;
    const now = d.now();
    // A retry whose first answer was lost (claim gone stale): resume that charge, never authorize again.
    const earlier = await d.stores.charges.findByIdempotencyKey(key.accountId, claim.key);
    if (earlier) return this.#resume(earlier, claim, r.requestId);
    if (input.amount > d.maxAmount)
      throw vaultError(400, 'invalid_amount', `amount is above this vault's maximum of ${d.maxAmount} minor units.`, 'amount');
    const token = await visibleToken(d.stores, key, input.token, now);
    if (!token) throw NO_TOKEN;
    if (cardExpired(token, now))
      throw vaultError(402, 'expired_card', 'The card behind this token has expired. Ask the shopper for another card.', 'token');
    const conn = throwIf(await d.connections.forKey(key, input.connection));
    const creds = d.connections.credentials(conn);
    const pending = pendingCharge(key, token, conn, claim, input, now);
    const liveCvc = (t: TokenRecord) => (t.cvcEnc !== null && (t.cvcExpiresAt ?? 0) > now ? t.cvcEnc : undefined);
    const seenCvc = liveCvc(token);
    const cvcKey = seenCvc === undefined ? undefined : await d.cvc.keyFor(seenCvc, now);
    let card: AuthRequest['card'];
    try {
      // The pending charge and the CVC's deletion commit together, before anything is sent.
      const taken = await d.stores.transaction(async (tx) => {
        const t = await tx.tokens.takeCvc(token.id);
        if (!t) throw new Rollback(undefined);
        await tx.charges.insert(pending);
        return t;
      });
      if (!taken) throw NO_TOKEN;
      card = openChargeCard(d.secrets.kekFor, taken, d.cvc.open.bind(d.cvc), cvcKey, liveCvc(taken));
    } finally {
      cvcKey?.key?.fill(0);
    }
    let answer: GatewayAnswer;
    try {
      answer = await d.connector.auth(conn, creds, {
        orderid: pending.id,
        amount: toDecimal(input.amount, input.currency),
        currency: input.currency,
        capture: pending.capture,
        card,
      });
    } catch (e) {
      if (!(e instanceof ProcessorFailure)) throw e;
      d.logger.warn({ chargeId: pending.id, kind: e.kind, sent: e.sent, status: e.status }, 'authorization got no answer');
      if (!e.ambiguous)
        return this.#final(pending.id, claim, r.requestId, (c) => ({
          ...c,
          status: 'failed',
          failureCode: 'processor_error',
          updatedAt: d.now(),
        }));
      return this.#recover(pending, conn, claim, r.requestId, e.kind === 'server' ? 'processor_error' : 'processor_timeout');
    }
    return this.#answered(pending, conn, answer, claim, r.requestId);
  }

  /** The authorization's answer, with a partial approval voided (a shop expects all or nothing). */
  async #answered(
    pending: ChargeRecord,
    conn: ConnectionRecord,
    answer: GatewayAnswer,
    claim: IdempotencyClaim,
    requestId: string,
  ): Promise<Outcome> {
    const d = this.#d;
    const approved = answer.respstat === 'A' ? fromDecimal(String(answer.amount ?? ''), pending.currency) : undefined;
    if (approved !== undefined && approved < pending.amount && answer.retref) {
      try {
        const v = await d.connector.void(conn, d.connections.credentials(conn), String(answer.retref));
        if (v.respstat === 'A') {
          return this.#final(pending.id, claim, requestId, (c) => ({
            ...applyAuthAnswer(c, answer, d.now()),
            status: 'declined',
            amountCaptured: 0,
            failureCode: 'partial_approval',
          }));
        }
      } catch {
        // keep the partial approval as it stands: the charge shows the amounts the processor holds
      }
    }
    return this.#final(pending.id, claim, requestId, (c) => applyAuthAnswer(c, answer, d.now()));
  }

  async #recover(
    pending: ChargeRecord,
    conn: ConnectionRecord,
    claim: IdempotencyClaim,
    requestId: string,
    failureCode = 'processor_timeout',
  ): Promise<Outcome> {
    const d = this.#d;
    const found = await recoverAuth(d.connector, conn, d.connections.credentials(conn), pending.id);
    d.logger.warn({ chargeId: pending.id, recovery: found.kind }, 'authorization recovered by order id');
    if (found.kind === 'approved' || found.kind === 'declined') return this.#answered(pending, conn, found.answer, claim, requestId);
    if (found.kind === 'voided')
      return this.#final(pending.id, claim, requestId, (c) => ({ ...c, status: 'failed', failureCode, updatedAt: d.now() }));
    // Unsettled: stays pending, nothing stored under the key, so a retry with it resumes here.
    await d.stores.idempotency.finish(claim.accountId, claim.key, undefined);
    const out = createdResponse(pending, requestId);
    return { ...out, stored: true };
  }

  async #resume(c: ChargeRecord, claim: IdempotencyClaim, requestId: string): Promise<Outcome> {
    if (c.status !== 'pending') {
      const out = createdResponse(c, requestId);
      await this.#d.stores.idempotency.finish(claim.accountId, claim.key, { status: out.status, body: JSON.stringify(out.body) });
      return { ...out, stored: true };
    }
    const conn = await this.#d.stores.connections.find(c.connectionId);
    if (!conn)
      throw vaultError(
        409,
        'charge_invalid_state',
        "This pending charge's connection was deleted; the operator must settle it with the processor.",
        'connection',
      );
    return this.#recover(c, conn, claim, requestId);
  }

  #final(id: string, claim: IdempotencyClaim, requestId: string, change: (c: ChargeRecord) => ChargeRecord): Promise<Outcome> {
    return finalCharge(this.#d, id, claim, requestId, change);
  }
}

function throwIf<T>(x: T | VaultError): T {
  if (x instanceof Error) throw x;
  return x;
}
