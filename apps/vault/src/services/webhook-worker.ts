import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { safeRequest, type SafeResponse } from '../outbound';
import type { VaultStores } from '../stores/vault-stores';
import type { AttemptRecord, ClaimedDelivery } from '../stores/webhooks/webhook-store';
import { decideOutcome } from './webhook-outcome';
import { webhookPayload } from './webhook-payload';
import { fullJitterSchedule, type WebhookSchedule } from './webhook-schedule';
import type { WebhookService } from './webhook-service';
import { signWebhook } from './webhook-signer';
import { WebhookAttemptRecorder } from './webhook-recorder';

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
  /** How many deliveries one claim takes (at most). */
  batch?: number;
  /** How many attempts may be in flight at once (across claims). */
  concurrency?: number;
  /** How long a claim is this worker's; past it (the process died) another worker may retry. */
  leaseMs?: number;
}

const RESPONSE_KEPT_BYTES = 1024;

/**
 * Delivers the outbox: claims due rows (each claimed by one worker only: SKIP LOCKED on
 * PostgreSQL, the single writer on SQLite, and a lease either way), POSTs each signed event
 * through outbound/safeRequest (SSRF rules of the endpoint's mode, no redirects, 15 s, kept-alive
 * connections to the same checked address), records the attempt and moves the delivery on
 * (services/webhook-outcome.ts; recorded in groups by services/webhook-recorder.ts). One per vault process. Up to `concurrency` attempts are in
 * flight: a new claim is made as soon as half a batch of room is free, so one slow endpoint does
 * not hold the others back. Finished attempts are recorded together: whatever finished while the
 * previous recording transaction ran goes into the next one (group commit), so a burst costs a
 * few transactions, not one per delivery.
 */
export class WebhookWorker {
  readonly id = `wkr_${randomBytes(6).toString('hex')}`;
  readonly #o: Required<Omit<WebhookWorkerOptions, 'schedule'>> & { schedule: WebhookSchedule };
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  readonly #inFlight = new Set<Promise<void>>();
  /** Delivery ids with an attempt in flight here: a claim that returns one again (its lease ran out on a clock that jumped) does not start a second. */
  readonly #active = new Set<string>();
  readonly #recorder: WebhookAttemptRecorder;

  constructor(o: WebhookWorkerOptions) {
    const o2 = { timeoutMs: 15_000, batch: 32, concurrency: 128, leaseMs: 60_000, ...o, schedule: o.schedule ?? fullJitterSchedule() };
    // An attempt always ends (and is recorded) before its lease does, so no second worker starts it meanwhile.
    this.#o = { ...o2, timeoutMs: Math.max(100, Math.min(o2.timeoutMs, o2.leaseMs - 1_000)) };
    this.#recorder = new WebhookAttemptRecorder(this.id, o.stores, o.logger);
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

  /** Claims while there is room and work: waits for room when full; ends when a claim comes back short. */
  async #loop(): Promise<void> {
    try {
      while (!this.#stopped) {
        const room = this.#o.concurrency - this.#inFlight.size;
        if (room < Math.min(this.#o.batch, this.#o.concurrency) / 2) {
          await Promise.race(this.#inFlight);
          continue;
        }
        const want = Math.min(room, this.#o.batch);
        const claimed = await this.#o.stores.webhooks.claimDue(this.id, this.#o.now(), this.#o.leaseMs, want);
        for (const c of claimed) {
          if (this.#active.has(c.delivery.id)) continue;
          this.#active.add(c.delivery.id);
          void this.#track(this.#deliver(c).finally(() => this.#active.delete(c.delivery.id)));
        }
        if (claimed.length < want) return;
      }
    } catch (e) {
      this.#o.logger.error(
        { err: { message: (e as Error).message } },
        'webhook worker: claiming deliveries failed; retrying at the next poll',
      );
    }
  }

  /** Claims one batch and delivers it; resolves when every attempt is recorded. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.#o.stores.webhooks.claimDue(this.id, this.#o.now(), this.#o.leaseMs, this.#o.batch);
    await Promise.all(claimed.map((c) => this.#track(this.#deliver(c))));
    return claimed.length;
  }

  #track(p: Promise<void>): Promise<void> {
    const tracked = p
      .catch((e: unknown) =>
        this.#o.logger.error(
          { err: { message: (e as Error).message } },
          'webhook worker: an attempt failed unexpectedly; it is retried when its lease runs out',
        ),
      )
      .finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    return tracked;
  }

  async #deliver(c: ClaimedDelivery): Promise<void> {
    const at = this.#o.now();
    if (c.endpoint.disabledAt !== null) {
      await this.#recorder.finish(c, { endpointId: c.endpoint.id, at, attempt: null, status: 'skipped', nextAt: at, streak: 'none' });
      return;
    }
    const body = webhookPayload(c.event);
    let answer: SafeResponse | undefined;
    let error: string | null = null;
    const started = performance.now();
    try {
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': 'Tokenframe-Webhooks/1',
        ...signWebhook(c.event.id, at / 1000, body, this.#o.webhooks.signingSecrets(c.endpoint, at)),
      };
      answer = await safeRequest({
        url: c.endpoint.url,
        method: 'POST',
        headers,
        body,
        timeoutMs: this.#o.timeoutMs,
        maxResponseBytes: RESPONSE_KEPT_BYTES,
        truncate: true,
        allowPrivate: this.#o.allowPrivateNetwork,
        livemode: c.endpoint.livemode,
        keepAlive: true,
      });
    } catch (e) {
      error = (e as Error).message;
    }
    const attempt: AttemptRecord = {
      id: `wha_${randomBytes(12).toString('base64url')}`,
      deliveryId: c.delivery.id,
      eventId: c.event.id,
      endpointId: c.endpoint.id,
      at,
      attempt: c.delivery.attempts + 1,
      worker: this.id,
      status: answer?.status ?? null,
      latencyMs: Math.round(performance.now() - started),
      response: answer ? answer.body.toString('utf8') : null,
      error,
    };
    await this.#recorder.finish(c, decideOutcome(c, attempt, answer, this.#o.now(), this.#o.schedule));
  }

  /** Stops claiming; waits up to `graceMs` for attempts in flight (a lease outlives an abandoned one). */
  async stop(graceMs = 2_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    let t: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => (t = setTimeout(r, graceMs)));
    await Promise.race([Promise.all([this.#running, ...this.#inFlight, this.#recorder.recording]), grace]);
    clearTimeout(t);
  }
}
