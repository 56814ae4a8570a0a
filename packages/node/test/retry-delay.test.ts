import { describe, expect, test } from 'vitest';
import { MAX_DELAY_MS, retryDelay } from '../src/retry-delay.js';

describe('retryDelay: full jitter under an exponential, capped ceiling; Retry-After wins', () => {
  test.each([
    [0, 1, 499],
    [1, 1, 999],
    [2, 1, 1999],
    [3, 1, 3999],
    [4, 1, 7999],
    [9, 1, MAX_DELAY_MS - 1],
    [3, 0, 0],
  ])('retry %i with random %f → %i ms', (retry, r, ms) => {
    expect(retryDelay(retry, null, () => (r === 1 ? 0.99999999 : r))).toBe(ms);
  });

  test.each([
    ['2', 2000],
    ['0', 0],
    [' 7 ', 7000],
    ['60', 60_000],
    ['61', undefined],
    ['Thu, 03 Dec 2026 14:00:05 GMT', 5000],
    ['Thu, 03 Dec 2026 13:59:00 GMT', 0],
  ])('Retry-After %j → %s', (header, ms) => {
    expect(retryDelay(0, header, () => 0.5, Date.parse('Thu, 03 Dec 2026 14:00:00 GMT'))).toBe(ms);
  });

  test('an unparseable Retry-After falls back on the backoff', () => {
    expect(retryDelay(1, 'soon', () => 0.5)).toBe(500);
  });
});
