/**
 * The time arithmetic of CVC key generations. Every CVC sealed during one window of `lengthMs`
 * shares that window's key; the key is destroyed once the last CVC it can have sealed is past
 * its TTL, plus a margin for clock skew between vault processes and Redis:
 *
 *   window [start, start + length)   →   destroyAt = start + length + cvcTtl + margin
 *
 * So a CVC stays readable (with a copy of the database AND the master key AND the live
 * generation) for at most `length + cvcTtl + margin` after it was sealed, however long a dead
 * row version, WAL segment or backup keeps its ciphertext.
 *
 * The length follows the TTL (clamped to 1 min … 1 h): a shorter window shortens that bound
 * (with the default 600 s TTL: ≤ 21 min instead of ≤ 71 min with hourly windows), and costs only
 * one more small key per window.
 *
 * The id names the TTL too, so it alone fixes the destroy time. Two processes configured with
 * different TTLs (a rolling config change) can share a window length — every TTL ≥ 1 h gives 1 h
 * windows, every TTL ≤ 1 min gives 1 min ones — and must then not share a slot: the first
 * creator's destroy time would win, and the longer-TTL process would lose its CVCs early.
 */
export const GENERATION_MARGIN_MS = 60_000;
const MIN_LENGTH_MS = 60_000;
const MAX_LENGTH_MS = 60 * 60_000;
/**
 * `cg-<window start, unix s>-<window length, s>-<CVC TTL, s>`: a valid at-rest KEK id (≤ 64
 * characters of [A-Za-z0-9_-]), and never a master KEK's (`mk_…`, `ck_…`).
 */
const GENERATION_ID = /^cg-(\d{1,12})-(\d{1,5})-(\d{1,12})$/;

export interface GenerationWindow {
  id: string;
  start: number;
  destroyAt: number;
}

export function generationLengthMs(cvcTtlMs: number): number {
  return Math.min(MAX_LENGTH_MS, Math.max(MIN_LENGTH_MS, Math.ceil(cvcTtlMs / 1000) * 1000));
}

function window(start: number, lengthMs: number, ttlSeconds: number): GenerationWindow {
  return {
    id: `cg-${start / 1000}-${lengthMs / 1000}-${ttlSeconds}`,
    start,
    destroyAt: start + lengthMs + ttlSeconds * 1000 + GENERATION_MARGIN_MS,
  };
}

/** The window containing `now`, for a vault whose CVC TTL is `cvcTtlMs` (whole seconds, rounded up). */
export function windowAt(now: number, cvcTtlMs: number): GenerationWindow {
  const lengthMs = generationLengthMs(cvcTtlMs);
  return window(Math.floor(now / lengthMs) * lengthMs, lengthMs, Math.ceil(cvcTtlMs / 1000));
}

/** The window an id names, or undefined for anything that is not exactly what windowAt makes (e.g. a master KEK id). */
export function windowOf(id: string): GenerationWindow | undefined {
  const m = GENERATION_ID.exec(id);
  if (!m) return undefined;
  const [start, lengthMs, ttlSeconds] = [Number(m[1]) * 1000, Number(m[2]) * 1000, Number(m[3])];
  if (lengthMs !== generationLengthMs(ttlSeconds * 1000) || start % lengthMs !== 0) return undefined;
  const w = window(start, lengthMs, ttlSeconds);
  return w.id === id ? w : undefined; // one spelling per window (no leading zeros)
}

/** The KEK id of an at-rest envelope (`v1.<kekId>.…`), without parsing the rest. */
export function kekIdOf(envelope: string): string {
  return envelope.split('.', 2)[1] ?? '';
}

/**
 * Whether a KEK id belongs to a generation rather than the master key (`mk_…`, `ck_…`): by its
 * prefix, so an envelope under a malformed or older-format generation id is still a generation's
 * (it opens with nothing: answered like an expired CVC), never sent to the master keys.
 */
export const isGenerationId = (id: string): boolean => id.startsWith('cg-');
