import type { AttemptOutcome, AttemptRecord, ClaimedDelivery } from '../stores/webhooks/webhook-store';
import { retryAfterMs, type WebhookSchedule } from './webhook-schedule';

/** An endpoint whose deliveries have all failed for this long is disabled (DESIGN.md "Webhooks"). */
export const DISABLE_AFTER_FAILING_MS = 5 * 86_400_000;

/**
 * What one attempt means: 2xx delivered; 410 disables the endpoint; anything else (3xx included,
 * never followed; no answer at all) is retried per the schedule, or after `Retry-After` on a 429
 * or 503, until the schedule runs out; an endpoint failing for 5 days is disabled.
 */
export function decideOutcome(
  c: ClaimedDelivery,
  attempt: AttemptRecord,
  answer: { headers: Record<string, string> } | undefined,
  now: number,
  schedule: WebhookSchedule,
): AttemptOutcome {
  const base = { endpointId: c.endpoint.id, at: now, attempt };
  const status = attempt.status;
  if (status !== null && status >= 200 && status < 300) return { ...base, status: 'delivered', nextAt: now, streak: 'success' };
  if (status === 410)
    return { ...base, status: 'failed', nextAt: now, streak: 'failure', disable: { reason: 'The endpoint answered 410 Gone.' } };
  const made = c.delivery.attempts + 1;
  const scheduled = schedule.retryDelay(made);
  const asked = status === 429 || status === 503 ? retryAfterMs(answer?.headers['retry-after'], now) : undefined;
  const failingSince = c.endpoint.failingSince ?? attempt.at;
  const disable =
    now - failingSince >= DISABLE_AFTER_FAILING_MS
      ? { reason: `Every delivery failed for ${DISABLE_AFTER_FAILING_MS / 86_400_000} days.` }
      : undefined;
  if (scheduled === undefined || disable)
    return { ...base, status: 'failed', nextAt: now, streak: 'failure', ...(disable ? { disable } : {}) };
  return { ...base, status: 'pending', nextAt: now + (asked ?? scheduled), streak: 'failure' };
}
