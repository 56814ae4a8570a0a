import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent } from './types.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

export interface VerifyOptions {
  /** How far `webhook-timestamp` may be from now, either way (default 300 s): bounds replays. */
  toleranceSec?: number;
  /** Epoch ms; for tests. */
  now?: number;
}

/**
 * Checks a delivery signed per Standard Webhooks and returns its event.
 *
 * Requirements: only the exact bytes the vault signed pass, and only for a few minutes.
 * 1. `webhook-id`, `webhook-timestamp` and `webhook-signature` must all be there.
 * 2. The timestamp is whole seconds within `toleranceSec` of now (a replayed old delivery fails).
 * 3. HMAC-SHA256 over `id.timestamp.body` with the secret (`whsec_` + base64) must equal one of the
 *    space-separated `v1,<base64>` signatures (several while a secret rotates), compared in constant time.
 * 4. Only then is the body parsed. Pass the RAW body (string or Buffer): parsed and re-serialised
 *    JSON is other bytes. `secret` may be a list (e.g. old and new while you roll it yourself).
 */
export function verifyWebhook<T = Record<string, unknown>>(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  opts: VerifyOptions = {},
): WebhookEvent<T> {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError(
      'rawBody must be the request body as received (string or Buffer), not parsed JSON: re-serialising changes the signed bytes.',
    );
  }
  const keys = (typeof secret === 'string' ? [secret] : secret).map(secretBytes);
  if (keys.length === 0) throw new TypeError("secret must be the endpoint's whsec_… secret.");
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined) {
    throw new WebhookVerificationError(
      'missing_header',
      'The request lacks webhook-id, webhook-timestamp or webhook-signature: it was not sent by the vault (or a proxy dropped the headers).',
    );
  }
  checkTimestamp(timestamp, opts.toleranceSec ?? 300, opts.now ?? Date.now());
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]);
  const given = signature.split(' ').flatMap((s) => (s.startsWith('v1,') ? [Buffer.from(s.slice(3), 'base64')] : []));
  const match = keys.some((key) => {
    const expected = createHmac('sha256', key).update(signed).digest();
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
  if (!match)
    throw new WebhookVerificationError(
      'no_matching_signature',
      'No v1 signature matches: check the endpoint secret (whsec_…), and pass the raw body, not parsed JSON.',
    );
  return parseEvent<T>(body);
}

function secretBytes(secret: string): Buffer {
  const b64 = typeof secret === 'string' ? secret.replace(/^whsec_/, '') : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new TypeError("secret must be the endpoint's whsec_… secret as the vault showed it.");
  return Buffer.from(b64, 'base64');
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (typeof value === 'string') return value;
  return Array.isArray(value) && value.length === 1 ? (value[0] as string) : undefined;
}

function checkTimestamp(value: string, toleranceSec: number, now: number): void {
  if (!/^\d{1,12}$/.test(value))
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not whole seconds since the epoch.');
  const skew = Number(value) - Math.floor(now / 1000);
  if (skew < -toleranceSec)
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is more than ${toleranceSec} s old: a replayed delivery, or this server's clock is off.`,
    );
  if (skew > toleranceSec)
    throw new WebhookVerificationError(
      'timestamp_in_future',
      `webhook-timestamp is more than ${toleranceSec} s ahead: this server's clock (or the vault's) is off.`,
    );
}

function parseEvent<T>(body: Uint8Array): WebhookEvent<T> {
  let event: unknown;
  try {
    event = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The signature matched but the body is not JSON.');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new WebhookVerificationError('invalid_payload', 'The signature matched but the body is not a JSON object.');
  }
  return event as WebhookEvent<T>;
}
