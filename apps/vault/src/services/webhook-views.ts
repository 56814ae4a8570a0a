import type { AttemptRecord, WebhookEndpointRecord } from '../stores/webhooks/webhook-store';

/** An endpoint as the API shows it: never a secret (create and rotate_secret add it, once). */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  livemode: boolean;
  status: 'enabled' | 'disabled';
  disabledReason: string | null;
  createdAt: number;
}

export const endpointView = (e: WebhookEndpointRecord): WebhookEndpointView => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description,
  livemode: e.livemode,
  status: e.disabledAt === null ? 'enabled' : 'disabled',
  disabledReason: e.disabledReason,
  createdAt: e.createdAt,
});

export const attemptView = (a: AttemptRecord) => ({
  id: a.id,
  eventId: a.eventId,
  at: a.at,
  attempt: a.attempt,
  status: a.status,
  latencyMs: a.latencyMs,
  response: a.response,
  error: a.error,
});
