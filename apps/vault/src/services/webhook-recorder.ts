import type { Logger } from 'pino';
import { newEvent } from '../stores/events/new-event';
import type { VaultStores } from '../stores/vault-stores';
import type { AttemptOutcome, ClaimedDelivery } from '../stores/webhooks/webhook-store';
import { endpointView } from './webhook-views';

/** Outcomes recorded in one transaction, at most. */
const RECORD_BATCH = 200;

interface Finished {
  c: ClaimedDelivery;
  outcome: AttemptOutcome;
  done: () => void;
}

/**
 * Records the webhook worker's finished attempts together: whatever finished while the previous
 * recording transaction ran goes into the next one (group commit), so a burst costs a few
 * transactions, not one per delivery.
 */
export class WebhookAttemptRecorder {
  #finished: Finished[] = [];
  #recording: Promise<void> | undefined;

  readonly #workerId: string;
  readonly #stores: VaultStores;
  readonly #logger: Logger;

  constructor(workerId: string, stores: VaultStores, logger: Logger) {
    this.#workerId = workerId;
    this.#stores = stores;
    this.#logger = logger;
  }

  /** The recording transaction under way, if any. */
  get recording(): Promise<void> | undefined {
    return this.#recording;
  }

  /** Queues the outcome for the next recording transaction; resolves once it is recorded (or recording failed and was logged). */
  finish(c: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
    return new Promise<void>((done) => {
      this.#finished.push({ c, outcome, done });
      this.#recording ??= this.#record().finally(() => (this.#recording = undefined));
    });
  }

  async #record(): Promise<void> {
    await new Promise((r) => setImmediate(r)); // attempts finishing in this turn join the batch
    while (this.#finished.length > 0) {
      const batch = this.#finished.splice(0, RECORD_BATCH);
      try {
        await this.#recordAll(batch);
      } catch (e) {
        // One bad row must not cost the others their record: each on its own, as before batching.
        if (batch.length === 1) this.#recordFailed(batch[0]!, e);
        else for (const f of batch) await this.#recordAll([f]).catch((e2: unknown) => this.#recordFailed(f, e2));
      }
      for (const f of batch) f.done();
    }
  }

  /** Each attempt and its delivery's next state, with a webhook_endpoint.disabled event when it disables the endpoint, in one transaction. */
  async #recordAll(batch: Finished[]): Promise<void> {
    const kept = await this.#stores.transaction(async (tx) => {
      // The common outcomes in one store call; one that disables its endpoint (rare) on its own, after them.
      const plain = batch.filter((f) => !f.outcome.disable);
      const plainKept = await tx.webhooks.finishAttempts(
        this.#workerId,
        plain.map(({ c, outcome }) => ({ deliveryId: c.delivery.id, outcome })),
      );
      const out = new Map(plain.map((f, i) => [f, plainKept[i]!]));
      for (const f of batch.filter((x) => x.outcome.disable)) {
        const { c, outcome } = f;
        const ok = await tx.webhooks.finishAttempt(c.delivery.id, this.#workerId, outcome);
        if (ok) {
          const data = { endpoint: { ...endpointView(c.endpoint), status: 'disabled', disabledReason: outcome.disable!.reason } };
          await tx.events.record(newEvent('webhook_endpoint.disabled', c.endpoint, data, outcome.at));
        }
        out.set(f, ok);
      }
      return batch.map((f) => out.get(f)!);
    });
    batch.forEach(({ c, outcome }, i) => {
      if (!kept[i])
        this.#logger.warn(
          { delivery: c.delivery.id },
          'webhook worker: the lease ran out before the attempt was recorded; another worker retries it',
        );
      if (outcome.disable && kept[i])
        this.#logger.warn({ endpoint: c.endpoint.id, reason: outcome.disable.reason }, 'webhook endpoint disabled');
    });
  }

  #recordFailed(f: Finished, e: unknown): void {
    this.#logger.error(
      { err: { message: (e as Error).message }, delivery: f.c.delivery.id },
      'webhook worker: recording an attempt failed; the delivery is retried when its lease runs out',
    );
  }
}
