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
 */
export const GENERATION_MARGIN_MS = 60_000;
const MIN_LENGTH_MS = 60_000;
const MAX_LENGTH_MS = 60 * 60_000;
/** `cg-<window start, unix seconds>-<window length, seconds>`: a valid at-rest KEK id, and never a master KEK's (`mk_…`, `ck_…`). */
const GENERATION_ID = /^cg-(\d{1,12})-(\d{1,5})$/;

export interface GenerationWindow {
  id: string;
  start: number;
  destroyAt: number;
}

export function generationLengthMs(cvcTtlMs: number): number {
  const seconds = Math.ceil(cvcTtlMs / 1000) * 1000;
  return Math.min(MAX_LENGTH_MS, Math.max(MIN_LENGTH_MS, seconds));
}

/** The window containing `now`. */
export function windowAt(now: number, lengthMs: number, cvcTtlMs: number): GenerationWindow {
  const start = Math.floor(now / lengthMs) * lengthMs;
  return { id: `cg-${start / 1000}-${lengthMs / 1000}`, start, destroyAt: start + lengthMs + cvcTtlMs + GENERATION_MARGIN_MS };
}

/** The window an id names, or undefined for anything that is not a generation id (e.g. a master KEK id). */
export function windowOf(id: string, cvcTtlMs: number): GenerationWindow | undefined {
  const m = GENERATION_ID.exec(id);
  if (!m) return undefined;
  const start = Number(m[1]) * 1000;
  const lengthMs = Number(m[2]) * 1000;
  if (lengthMs < MIN_LENGTH_MS || lengthMs > MAX_LENGTH_MS || start % lengthMs !== 0) return undefined;
  return { id, start, destroyAt: start + lengthMs + cvcTtlMs + GENERATION_MARGIN_MS };
}

/** The KEK id of an at-rest envelope (`v1.<kekId>.…`), without parsing the rest. */
export function kekIdOf(envelope: string): string {
  return envelope.split('.', 2)[1] ?? '';
}

export const isGenerationId = (id: string): boolean => GENERATION_ID.test(id);
