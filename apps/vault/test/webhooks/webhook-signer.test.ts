import { Webhook } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { decideOutcome, DISABLE_AFTER_FAILING_MS } from '../../src/services/webhook-outcome';
import { fullJitterSchedule, RETRY_DELAYS_MS, retryAfterMs } from '../../src/services/webhook-schedule';
import { newWebhookSecret, signWebhook } from '../../src/services/webhook-signer';
import type { AttemptRecord, ClaimedDelivery } from '../../src/stores/webhooks/webhook-store';

describe('signer, checked by the standardwebhooks reference library', () => {
  test('the library verifies what the vault signs, and signs byte-for-byte the same', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({
      id: 'evt_1',
      type: 'token.created',
      createdAt: 1,
      livemode: false,
      data: { tokenId: 'tok_1', brand: 'visa', last4: '4242' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const headers = signWebhook('evt_1', ts, body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('evt_1', new Date(ts * 1000), body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('4242', '4243'), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'evt_2' })).toThrow();
  });

  test('during a rotation both secrets sign (space-separated v1 signatures)', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    const headers = signWebhook('evt_2', Date.now() / 1000, '{}', [a, b]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const s of [a, b]) expect(new Webhook(s).verify('{}', headers)).toEqual({});
  });

  test('secrets are whsec_ + 32 random bytes', () => {
    const s = newWebhookSecret();
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(s);
  });
});

describe('schedule and outcomes', () => {
  const claimed = (attempts: number, failingSince: number | null = null) =>
    ({ delivery: { attempts }, endpoint: { id: 'we_1', failingSince }, event: {} }) as unknown as ClaimedDelivery;
  const attempt = (status: number | null, at = 1_000): AttemptRecord => ({
    id: 'a',
    deliveryId: 'd',
    eventId: 'e',
    endpointId: 'we_1',
    at,
    attempt: 1,
    worker: 'w',
    status,
    latencyMs: 1,
    response: null,
    error: null,
  });
  const schedule = fullJitterSchedule(RETRY_DELAYS_MS, () => 0.999999);

  test('about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 24 h with full jitter, then failed', () => {
    expect(RETRY_DELAYS_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 86_400_000]);
    const zero = fullJitterSchedule(RETRY_DELAYS_MS, () => 0);
    expect(zero.retryDelay(1)).toBe(0);
    expect(schedule.retryDelay(1)).toBe(4_999);
    expect(schedule.retryDelay(8)).toBe(86_399_913);
    expect(schedule.retryDelay(9)).toBeUndefined();
    const spread = new Set(Array.from({ length: 50 }, () => fullJitterSchedule().retryDelay(2)));
    expect(spread.size).toBeGreaterThan(40);
  });

  test('2xx delivered; 3xx and 5xx retried; 410 disables; 429/503 wait for Retry-After; no answer is retried; last attempt fails', () => {
    expect(decideOutcome(claimed(0), attempt(204), { headers: {} }, 1_000, schedule)).toMatchObject({
      status: 'delivered',
      streak: 'success',
    });
    expect(decideOutcome(claimed(0), attempt(302), { headers: {} }, 1_000, schedule)).toMatchObject({
      status: 'pending',
      nextAt: 5_999,
      streak: 'failure',
    });
    expect(decideOutcome(claimed(1), attempt(500), { headers: {} }, 1_000, schedule)).toMatchObject({
      status: 'pending',
      nextAt: 1_000 + 299_999,
    });
    expect(decideOutcome(claimed(0), attempt(410), { headers: {} }, 1_000, schedule)).toMatchObject({
      status: 'failed',
      disable: { reason: 'The endpoint answered 410 Gone.' },
    });
    expect(decideOutcome(claimed(0), attempt(429), { headers: { 'retry-after': '120' } }, 1_000, schedule)).toMatchObject({
      status: 'pending',
      nextAt: 121_000,
    });
    expect(decideOutcome(claimed(0), attempt(503), { headers: { 'retry-after': 'soon' } }, 1_000, schedule)).toMatchObject({
      nextAt: 5_999,
    });
    expect(decideOutcome(claimed(0), attempt(500), { headers: { 'retry-after': '120' } }, 1_000, schedule)).toMatchObject({
      nextAt: 5_999,
    });
    expect(decideOutcome(claimed(0), attempt(null), undefined, 1_000, schedule)).toMatchObject({ status: 'pending', nextAt: 5_999 });
    expect(decideOutcome(claimed(8), attempt(500), { headers: {} }, 1_000, schedule)).toMatchObject({ status: 'failed' });
    expect(decideOutcome(claimed(8), attempt(500), { headers: {} }, 1_000, schedule).disable).toBeUndefined();
  });

  test('an endpoint failing for 5 days is disabled', () => {
    const now = 10 * 86_400_000;
    expect(
      decideOutcome(claimed(3, now - DISABLE_AFTER_FAILING_MS + 1), attempt(500, now), { headers: {} }, now, schedule).disable,
    ).toBeUndefined();
    expect(decideOutcome(claimed(3, now - DISABLE_AFTER_FAILING_MS), attempt(500, now), { headers: {} }, now, schedule)).toMatchObject({
      status: 'failed',
      disable: { reason: 'Every delivery failed for 5 days.' },
    });
  });

  test('Retry-After: seconds or an HTTP date, capped at 24 h', () => {
    expect(retryAfterMs('3', 0)).toBe(3_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('999999999', 0)).toBe(86_400_000);
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
  });
});
