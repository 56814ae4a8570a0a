/** Backoff: full jitter over an exponential ceiling (500 ms, 1 s, 2 s, …, capped at 8 s). */
export const BASE_DELAY_MS = 500;
export const MAX_DELAY_MS = 8_000;
/** A Retry-After beyond this is not waited for: the error is thrown so the caller decides. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long to wait before retry number `retry` (0 for the first), or `undefined` when the vault
 * asked for a wait longer than MAX_RETRY_AFTER_MS. `Retry-After` (seconds, or an HTTP date) wins
 * over the backoff when present: the vault knows when it will have room.
 */
export function retryDelay(
  retry: number,
  retryAfter: string | null,
  random: () => number = Math.random,
  now = Date.now(),
): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked > MAX_RETRY_AFTER_MS ? undefined : asked;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
