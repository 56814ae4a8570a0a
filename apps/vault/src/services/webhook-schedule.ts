/**
 * When to try a delivery again (DESIGN.md "Webhooks"): the first attempt at once, then after about
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and 24 h — full jitter (uniformly 0…delay), about three
 * days in all; after the last one the delivery has failed.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
  24 * 3_600_000,
];

export interface WebhookSchedule {
  /** The delay before attempt number `attemptsMade + 1`, or undefined when no attempt is left. */
  retryDelay(attemptsMade: number): number | undefined;
}

/** `random` in [0, 1): Math.random by default; tests pass their own (or a compressed schedule). */
export function fullJitterSchedule(delays: readonly number[] = RETRY_DELAYS_MS, random: () => number = Math.random): WebhookSchedule {
  return {
    retryDelay(attemptsMade) {
      const base = delays[attemptsMade - 1];
      return base === undefined ? undefined : Math.floor(random() * base);
    },
  };
}

const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** `Retry-After` (seconds or an HTTP date) as a delay in ms, capped at 24 h; undefined if absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const t = header.trim();
  const ms = /^\d{1,10}$/.test(t) ? Number(t) * 1000 : Number.isNaN(Date.parse(t)) ? undefined : Math.max(0, Date.parse(t) - now);
  return ms === undefined ? undefined : Math.min(ms, MAX_RETRY_AFTER_MS);
}
