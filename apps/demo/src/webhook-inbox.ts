// What the demo backend heard from the vault: the last N verified webhook events, de-duplicated on
// the event id (delivery is at least once: a retry carries the same `webhook-id`). In memory only —
// a demo shop; a real one would record these with its orders. Only public values are kept: type,
// id, time, and the charge and token ids the event is about (never card data).
import type { WebhookEvent } from '@tokenframe/node';

export interface InboxEvent {
  id: string;
  type: string;
  createdAt: number;
}

interface Kept extends InboxEvent {
  chargeId: string | undefined;
  tokenId: string | undefined;
}

const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export class WebhookInbox {
  readonly #limit: number;
  readonly #events = new Map<string, Kept>(); // insertion order = arrival order

  constructor(limit = 200) {
    this.#limit = limit;
  }

  /** false when this event id was already recorded (a redelivery). */
  record(event: WebhookEvent): boolean {
    if (this.#events.has(event.id)) return false;
    const data = event.data;
    const chargeId = str(data.chargeId);
    const tokenId = str(data.tokenId); // token.* and charge.* events both name it
    this.#events.set(event.id, { id: event.id, type: event.type, createdAt: event.createdAt, chargeId, tokenId });
    while (this.#events.size > this.#limit) this.#events.delete(this.#events.keys().next().value!);
    return true;
  }

  /** The events about a charge (and about the token it was paid with), oldest first. */
  forCharge(chargeId: string): InboxEvent[] {
    const all = [...this.#events.values()];
    const tokenIds = new Set(all.filter((e) => e.chargeId === chargeId && e.tokenId).map((e) => e.tokenId));
    return all
      .filter((e) => e.chargeId === chargeId || (e.chargeId === undefined && e.tokenId !== undefined && tokenIds.has(e.tokenId)))
      .map(({ id, type, createdAt }) => ({ id, type, createdAt }));
  }

  get size(): number {
    return this.#events.size;
  }
}
