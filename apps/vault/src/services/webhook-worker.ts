import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { safeRequest, type SafeResponse } from '../outbound';
import { newEvent } from '../stores/events/new-event';
import type { VaultStores } from '../stores/vault-stores';
import type { AttemptOutcome, AttemptRecord, ClaimedDelivery } from '../stores/webhooks/webhook-store';
import { endpointView } from './webhook-views';
import { decideOutcome } from './webhook-outcome';
import { webhookPayload } from './webhook-payload';
import { fullJitterSchedule, type WebhookSchedule } from './webhook-schedule';
import type { WebhookService } from './webhook-service';
import { signWebhook } from './webhook-signer';

export interface WebhookWorkerOptions {
  stores: VaultStores;
  webhooks: WebhookService;
  allowPrivateNetwork: boolean;
  logger: Logger;
  /** The clock of schedules, leases and `webhook-timestamp` (tests compress it). */
  now: () => number;
  pollMs: number;
  schedule?: WebhookSchedule;
  timeoutMs?: number;
  batch?: number;
  /** How long a claim is this worker's; past it (the process died) another worker may retry. */
  leaseMs?: number;
}

const RESPONSE_KEPT_BYTES = 1024;

/**
 * Delivers the outbox: claims due rows (each claimed by one worker only: SKIP LOCKED on
 * PostgreSQL, the single writer on SQLite, and a lease either way), POSTs each signed event
 * through outbound/safeRequest (SSRF rules of the endpoint's mode, no redirects, 15 s), records
 * the attempt and moves the delivery on (services/webhook-outcome.ts). One per vault process.
 */
export class WebhookWorker {
  readonly id = `wkr_${randomBytes(6).toString('hex')}`;
  readonly #o: Required<Omit<WebhookWorkerOptions, 'schedule'>> & { schedule: WebhookSchedule };
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(o: WebhookWorkerOptions) {
    const o2 = { timeoutMs: 15_000, batch: 20, leaseMs: 60_000, ...o, schedule: o.schedule ?? fullJitterSchedule() };
    // An attempt always ends (and is recorded) before its lease does, so no second worker starts it meanwhile.
    this.#o = { ...o2, timeoutMs: Math.max(100, Math.min(o2.timeoutMs, o2.leaseMs - 1_000)) };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.nudge();
  }

  /** Look now (an event was just committed in this process) rather than at the next poll. */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) return void ((this.#again = false), this.nudge());
      this.#timer = setTimeout(() => this.nudge(), this.#o.pollMs);
      this.#timer.unref();
    });
  }

  async #loop(): Promise<void> {
    try {
      while (!this.#stopped && (await this.runOnce()) === this.#o.batch);
    } catch (e) {
      this.#o.logger.error({ err: { message: (e as Error).message } }, 'webhook worker: claiming deliveries failed; retrying at the next poll');
    }
  }

  /** Claims one batch and delivers it; resolves when every attempt is recorded. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.#o.stores.webhooks.claimDue(this.id, this.#o.now(), this.#o.leaseMs, this.#o.batch);
    await Promise.all(claimed.map((c) => this.#track(this.#deliver(c))));
    return claimed.length;
  }

  #track(p: Promise<void>): Promise<void> {
    this.#inFlight.add(p);
    return p.finally(() => this.#inFlight.delete(p));
  }

  async #deliver(c: ClaimedDelivery): Promise<void> {
    const at = this.#o.now();
    if (c.endpoint.disabledAt !== null) {
      await this.#finish(c, { endpointId: c.endpoint.id, at, attempt: null, status: 'skipped', nextAt: at, streak: 'none' });
      return;
    }
    const body = webhookPayload(c.event);
    let answer: SafeResponse | undefined;
    let error: string | null = null;
    const started = performance.now();
    try {
      const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Tokenframe-Webhooks/1', ...signWebhook(c.event.id, at / 1000, body, this.#o.webhooks.signingSecrets(c.endpoint, at)) };
      answer = await safeRequest({
        url: c.endpoint.url, method: 'POST', headers, body, timeoutMs: this.#o.timeoutMs, maxResponseBytes: RESPONSE_KEPT_BYTES, truncate: true,
        allowPrivate: this.#o.allowPrivateNetwork, livemode: c.endpoint.livemode,
      });
    } catch (e) {
      error = (e as Error).message;
    }
    const attempt: AttemptRecord = {
      id: `wha_${randomBytes(12).toString('base64url')}`, deliveryId: c.delivery.id, eventId: c.event.id, endpointId: c.endpoint.id, at,
      attempt: c.delivery.attempts + 1, worker: this.id, status: answer?.status ?? null, latencyMs: Math.round(performance.now() - started),
      response: answer ? answer.body.toString('utf8') : null, error,
    };
    await this.#finish(c, decideOutcome(c, attempt, answer, this.#o.now(), this.#o.schedule));
  }

  /** The attempt and the delivery's next state in one transaction, with a webhook_endpoint.disabled event when it disables the endpoint. */
  async #finish(c: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
    try {
      const kept = await this.#o.stores.transaction(async (tx) => {
        const ok = await tx.webhooks.finishAttempt(c.delivery.id, this.id, outcome);
        if (ok && outcome.disable) {
          const data = { endpoint: { ...endpointView(c.endpoint), status: 'disabled', disabledReason: outcome.disable.reason } };
          await tx.events.record(newEvent('webhook_endpoint.disabled', c.endpoint, data, outcome.at));
        }
        return ok;
      });
      if (!kept) this.#o.logger.warn({ delivery: c.delivery.id }, 'webhook worker: the lease ran out before the attempt was recorded; another worker retries it');
      if (outcome.disable) this.#o.logger.warn({ endpoint: c.endpoint.id, reason: outcome.disable.reason }, 'webhook endpoint disabled');
    } catch (e) {
      this.#o.logger.error({ err: { message: (e as Error).message }, delivery: c.delivery.id }, 'webhook worker: recording an attempt failed; the delivery is retried when its lease runs out');
    }
  }

  /** Stops claiming; waits up to `graceMs` for attempts in flight (a lease outlives an abandoned one). */
  async stop(graceMs = 2_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    let t: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => (t = setTimeout(r, graceMs)));
    await Promise.race([Promise.all([this.#running, ...this.#inFlight]), grace]);
    clearTimeout(t);
  }
}
