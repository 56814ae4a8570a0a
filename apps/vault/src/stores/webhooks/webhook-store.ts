import type { EventRecord } from '../records';

/** A merchant's webhook endpoint. The secrets are at-rest envelopes (VaultSecrets.dataKek), never plain. */
export interface WebhookEndpointRecord {
  id: string;
  accountId: string;
  livemode: boolean;
  url: string;
  /** Event types it is subscribed to (`*` for all). */
  events: string[];
  description: string | null;
  secretEnc: string;
  /** After a rotation: the previous secret, which keeps signing until `previousSecretExpiresAt`. */
  previousSecretEnc: string | null;
  previousSecretExpiresAt: number | null;
  disabledAt: number | null;
  disabledReason: string | null;
  /** First failed attempt since the last success (an endpoint failing for 5 days is disabled). */
  failingSince: number | null;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

/** One outbox row: one event for one endpoint. */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  endpointId: string;
  attempts: number;
  status: DeliveryStatus;
  nextAt: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  createdAt: number;
}

/** What one HTTP attempt gave: a status (any answer) or an error (no answer), with the first 1 kB of the body. */
export interface AttemptRecord {
  id: string;
  deliveryId: string;
  eventId: string;
  endpointId: string;
  at: number;
  attempt: number;
  worker: string;
  status: number | null;
  latencyMs: number;
  response: string | null;
  error: string | null;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  delivery: DeliveryRecord;
  event: EventRecord;
  endpoint: WebhookEndpointRecord;
}

/** The outcome of an attempt, decided by the worker; applied atomically with the attempt row. */
export interface AttemptOutcome {
  endpointId: string;
  at: number;
  /** null when nothing was sent (the endpoint was disabled meanwhile). */
  attempt: AttemptRecord | null;
  /** `pending` with `nextAt` to retry. */
  status: DeliveryStatus;
  nextAt: number;
  /** Disable the endpoint (410, or failing for too long). */
  disable?: { reason: string };
  /** `success` clears the endpoint's failing streak; `failure` starts it at `at` unless one runs. */
  streak: 'success' | 'failure' | 'none';
}

/** Webhook endpoints, the outbox and its attempts (migration 7). */
export interface WebhookStore {
  insertEndpoint(e: WebhookEndpointRecord): Promise<void>;
  findEndpoint(id: string): Promise<WebhookEndpointRecord | undefined>;
  listEndpoints(accountId: string, livemode: boolean): Promise<WebhookEndpointRecord[]>;
  /** Deletes the endpoint, its pending deliveries and its attempts; false when there was none. */
  deleteEndpoint(id: string): Promise<boolean>;
  /** A new secret; the current one becomes the previous one until `previousExpiresAt`. */
  rotateSecret(id: string, secretEnc: string, previousExpiresAt: number): Promise<WebhookEndpointRecord | undefined>;
  /**
   * The outbox half of recording an event: one pending delivery, due at once, for every enabled
   * endpoint of the event's account and mode subscribed to its type. Called by EventStore.record
   * in the event's own transaction; also by redeliver. Returns how many.
   */
  enqueue(event: EventRecord, now: number): Promise<number>;
  /**
   * Claims up to `limit` due pending deliveries for `owner` until `now + leaseMs` (PostgreSQL:
   * `FOR UPDATE SKIP LOCKED`, so concurrent claimers never take the same row; SQLite: one writer).
   * A lease that ran out (its worker died) is claimable again.
   */
  claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records the attempt and, if `owner` still holds the lease, moves the delivery on (and the
   * endpoint's failing streak or disabling); returns false when the lease was lost.
   */
  finishAttempt(deliveryId: string, owner: string, outcome: AttemptOutcome): Promise<boolean>;
  /**
   * finishAttempt for many, in order, with the same effect as calling it for each in turn
   * (PostgreSQL: a handful of statements whatever the count). Disabling is not done here: the
   * caller passes outcomes with `disable` to finishAttempt. One boolean per item.
   */
  finishAttempts(owner: string, items: readonly { deliveryId: string; outcome: AttemptOutcome }[]): Promise<boolean[]>;
  /** Newest first. */
  listAttempts(endpointId: string, limit: number): Promise<AttemptRecord[]>;
  listDeliveries(eventId: string): Promise<DeliveryRecord[]>;
  /** Deletes finished deliveries last changed before `before`, and attempts made before it; returns how many rows. */
  purge(before: number): Promise<number>;
  /** Rewrites the sealed secrets (master key rotation); returns how many envelopes. */
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number>;
}

/**
 * The endpoints' failing streaks after a sequence of outcomes (in order): `clear` sets
 * failing_since NULL first; `since` then starts a streak (unless one runs and was not cleared).
 */
export function streaksAfter(
  items: readonly { moved: boolean; outcome: AttemptOutcome }[],
): Map<string, { clear: boolean; since: number | null }> {
  const out = new Map<string, { clear: boolean; since: number | null }>();
  for (const { moved, outcome: o } of items) {
    if (!moved || o.streak === 'none') continue;
    const s = out.get(o.endpointId) ?? { clear: false, since: null };
    if (o.streak === 'success') Object.assign(s, { clear: true, since: null });
    else s.since ??= o.at;
    out.set(o.endpointId, s);
  }
  return out;
}

/** Does an endpoint subscribed to `events` get an event of `type`? */
export const subscribed = (events: string[], type: string): boolean => events.includes('*') || events.includes(type);
