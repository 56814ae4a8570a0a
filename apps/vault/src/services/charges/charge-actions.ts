import type { ApiKeyRecord, ChargeRecord } from '../../stores/records';
import type { IdempotencyClaim, Outcome } from '../idempotency';
import { vaultError } from '../vault-error';
import { chargeEvent } from './auth-outcome';
import type { GatewayAnswer } from './cardpointe-connector';
import { commitCharge, visibleCharge, type ChargeDeps } from './charge-context';
import { chargeErrorBody, chargeView } from './charge-views';
import { fromDecimal, toDecimal } from './money';
import { ProcessorFailure } from './processor-failure';

export type ChargeAction = 'capture' | 'void' | 'refund';
export interface ActionRequest {
  key: ApiKeyRecord;
  id: string;
  action: ChargeAction;
  amount?: number | undefined;
  claim: IdempotencyClaim;
  requestId: string;
}

const NO_CHARGE = vaultError(404, 'resource_missing', 'No such charge.', 'id');
const state = (message: string) => vaultError(409, 'charge_invalid_state', message, 'id');

/**
 * Capture, void and refund of an existing charge. Each is one processor call; its result, its event
 * and the stored answer commit together, applied to the row as it is then (a concurrent refund is
 * added, never overwritten). A lost answer to capture or void is settled by `inquire` (both are
 * safe to repeat at the processor); a lost refund answer is reported, never repeated blindly.
 */
export class ChargeActions {
  readonly #d: ChargeDeps;

  constructor(d: ChargeDeps) {
    this.#d = d;
  }

  async run(r: ActionRequest): Promise<Outcome> {
    const d = this.#d;
    const c = await visibleCharge(d.stores, r.key, r.id);
    if (!c) throw NO_CHARGE;
    const amount = this.#check(c, r.action, r.amount);
    const conn = await d.stores.connections.find(c.connectionId);
    if (!conn) throw state("This charge's connection was deleted; it can no longer be changed through the vault.");
    const creds = d.connections.credentials(conn);
    const retref = c.processor.retref;
    const dec = amount === undefined ? undefined : toDecimal(amount, c.currency);
    let answer: GatewayAnswer;
    try {
      answer =
        r.action === 'capture'
          ? await d.connector.capture(conn, creds, retref, dec)
          : r.action === 'void'
            ? await d.connector.void(conn, creds, retref)
            : await d.connector.refund(conn, creds, retref, dec);
    } catch (e) {
      if (!(e instanceof ProcessorFailure)) throw e;
      d.logger.warn({ chargeId: c.id, action: r.action, kind: e.kind, sent: e.sent, status: e.status }, 'charge action got no answer');
      if (r.action === 'refund' || !e.ambiguous) return this.#failed(c, r, e);
      const settled = await d.connector.inquire(conn, creds, retref).catch(() => undefined);
      const done =
        settled &&
        (r.action === 'capture'
          ? settled.setlstat === 'Queued for Capture' || settled.setlstat === 'Accepted'
          : settled.setlstat === 'Voided');
      if (!done) return this.#failed(c, r, e);
      answer = { ...settled, amount: r.action === 'void' ? '0.00' : (settled.amount ?? '') };
    }
    if (answer.respstat !== 'A') {
      const refused = {
        ...c,
        processor: { ...c.processor, respcode: String(answer.respcode ?? ''), resptext: String(answer.resptext ?? '') },
      };
      throw state(`The processor refused the ${r.action}: ${refused.processor.resptext || 'refused'} (${refused.processor.respcode}).`);
    }
    const now = d.now();
    const next = await commitCharge(
      d.stores,
      c.id,
      (fresh) => {
        const n = apply(fresh, r.action, answer, amount, now);
        const ok = { status: 200, body: JSON.stringify(chargeView(n)) };
        const type = r.action === 'capture' ? 'charge.captured' : r.action === 'void' ? 'charge.voided' : 'charge.refunded';
        return {
          next: n,
          event: chargeEvent(type, n, now, r.action === 'refund' ? { refundAmount: n.amountRefunded - fresh.amountRefunded } : {}),
          response: ok,
        };
      },
      r.claim,
    );
    return { status: 200, body: chargeView(next), stored: true };
  }

  #check(c: ChargeRecord, action: ChargeAction, amount: number | undefined): number | undefined {
    if (action === 'capture') {
      if (c.status !== 'authorized') throw state(`Only an authorized charge can be captured; this one is ${c.status}.`);
      if (amount !== undefined && amount > c.amountAuthorized)
        throw vaultError(400, 'invalid_amount', `amount is more than the ${c.amountAuthorized} authorized.`, 'amount');
      return amount;
    }
    if (action === 'void') {
      if ((c.status !== 'authorized' && c.status !== 'succeeded') || c.amountRefunded > 0)
        throw state(
          `Only an authorized or captured, unrefunded charge can be voided; this one is ${c.status}${c.amountRefunded ? ' and partly refunded' : ''}.`,
        );
      return undefined;
    }
    if (c.status !== 'succeeded')
      throw state(`Only a captured charge can be refunded (void an authorized one instead); this one is ${c.status}.`);
    const left = c.amountCaptured - c.amountRefunded;
    if (left <= 0) throw state('This charge is already fully refunded.');
    if (amount !== undefined && amount > left)
      throw vaultError(400, 'invalid_amount', `amount is more than the ${left} left to refund.`, 'amount');
    return amount ?? left;
  }

  /** The processor gave no usable answer: nothing changes; the answer says whether repeating is safe. */
  async #failed(c: ChargeRecord, r: ActionRequest, e: ProcessorFailure): Promise<Outcome> {
    const retryable = r.action !== 'refund' && e.kind !== 'rejected';
    const code = e.kind === 'timeout' ? 'processor_timeout' : 'processor_error';
    const message =
      r.action === 'refund' && e.ambiguous
        ? 'The processor did not confirm the refund: it may or may not have been made. Check the charge with the processor before refunding again.'
        : `The processor did not complete the ${r.action} (${e.message}).${retryable ? ' Retry with the same Idempotency-Key: repeating it is safe.' : ''}`;
    const body = chargeErrorBody(code, message, c, r.requestId, { retryable });
    const status = code === 'processor_timeout' ? 504 : 502;
    await this.#d.stores.idempotency.finish(r.claim.accountId, r.claim.key, retryable ? undefined : { status, body: JSON.stringify(body) });
    return { status, body, stored: true };
  }
}

function apply(c: ChargeRecord, action: ChargeAction, a: GatewayAnswer, amount: number | undefined, now: number): ChargeRecord {
  const processor = c.processor; // the authorization's facts stay what the charge shows
  if (action === 'capture') {
    const captured = fromDecimal(String(a.amount ?? ''), c.currency) ?? amount ?? c.amountAuthorized;
    return { ...c, status: 'succeeded', amountCaptured: captured, processor, updatedAt: now };
  }
  if (action === 'void') return { ...c, status: 'voided', processor, updatedAt: now };
  const refunded = fromDecimal(String(a.amount ?? ''), c.currency) ?? amount ?? 0;
  return { ...c, amountRefunded: Math.min(c.amountCaptured, c.amountRefunded + refunded), processor, updatedAt: now };
}
