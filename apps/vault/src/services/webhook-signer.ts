import { createHmac, randomBytes } from 'node:crypto';

/** `whsec_` + base64 of 32 random bytes (Standard Webhooks: the HMAC key is the decoded part). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string): Buffer => Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the event id, the same on every
 * retry), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`, one
 * `v1,<base64 HMAC-SHA256(key, id.timestamp.body)>` per secret, space-separated (during a rotation
 * both the new and the previous secret sign).
 */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signWebhook(id: string, timestampSec: number, body: string, secrets: readonly string[]): WebhookHeaders {
  const ts = String(Math.floor(timestampSec));
  const signatures = secrets.map((s) => `v1,${createHmac('sha256', keyOf(s)).update(`${id}.${ts}.${body}`, 'utf8').digest('base64')}`);
  return { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': signatures.join(' ') };
}
