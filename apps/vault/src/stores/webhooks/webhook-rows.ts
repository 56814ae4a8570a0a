import { randomBytes } from 'node:crypto';
import type { EventRecord } from '../records';
import type { Row } from '../rows';
import type { AttemptRecord, DeliveryRecord, DeliveryStatus, WebhookEndpointRecord } from './webhook-store';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const endpointFromRow = (r: Row): WebhookEndpointRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  livemode: Number(r.livemode) === 1,
  url: r.url as string,
  events: JSON.parse(r.events as string) as string[],
  description: (r.description as string | null) ?? null,
  secretEnc: r.secret_enc as string,
  previousSecretEnc: (r.previous_secret_enc as string | null) ?? null,
  previousSecretExpiresAt: num(r.previous_secret_expires_at),
  disabledAt: num(r.disabled_at),
  disabledReason: (r.disabled_reason as string | null) ?? null,
  failingSince: num(r.failing_since),
  createdAt: Number(r.created_at),
});

export const endpointToRow = (e: WebhookEndpointRecord): Row => ({
  id: e.id,
  account_id: e.accountId,
  livemode: e.livemode ? 1 : 0,
  url: e.url,
  events: JSON.stringify(e.events),
  description: e.description,
  secret_enc: e.secretEnc,
  previous_secret_enc: e.previousSecretEnc,
  previous_secret_expires_at: e.previousSecretExpiresAt,
  disabled_at: e.disabledAt,
  disabled_reason: e.disabledReason,
  failing_since: e.failingSince,
  created_at: e.createdAt,
});

export const deliveryFromRow = (r: Row): DeliveryRecord => ({
  id: r.id as string,
  eventId: r.event_id as string,
  endpointId: r.endpoint_id as string,
  attempts: Number(r.attempts),
  status: r.status as DeliveryStatus,
  nextAt: Number(r.next_at),
  leaseOwner: (r.lease_owner as string | null) ?? null,
  leaseUntil: num(r.lease_until),
  createdAt: Number(r.created_at),
});

/** A new pending delivery row, due at `now`. */
export const newDeliveryRow = (event: EventRecord, endpointId: string, now: number): Row => ({
  id: `whd_${randomBytes(12).toString('base64url')}`,
  event_id: event.id,
  endpoint_id: endpointId,
  attempts: 0,
  status: 'pending',
  next_at: now,
  lease_owner: null,
  lease_until: null,
  created_at: now,
  updated_at: now,
});

export const attemptToRow = (a: AttemptRecord): Row => ({
  id: a.id,
  delivery_id: a.deliveryId,
  event_id: a.eventId,
  endpoint_id: a.endpointId,
  at: a.at,
  attempt: a.attempt,
  worker: a.worker,
  status: a.status,
  latency_ms: a.latencyMs,
  response: a.response,
  error: a.error,
});

export const attemptFromRow = (r: Row): AttemptRecord => ({
  id: r.id as string,
  deliveryId: r.delivery_id as string,
  eventId: r.event_id as string,
  endpointId: r.endpoint_id as string,
  at: Number(r.at),
  attempt: Number(r.attempt),
  worker: r.worker as string,
  status: num(r.status),
  latencyMs: Number(r.latency_ms),
  response: (r.response as string | null) ?? null,
  error: (r.error as string | null) ?? null,
});

export const SECRET_FIELDS = ['secret_enc', 'previous_secret_enc'] as const;
