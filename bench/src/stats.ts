/** Order statistics over repeated runs (the bench reports medians: one slow outlier on a shared machine says little). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Rounds for the JSON and the table: 2 decimals for ratios, 1 for milliseconds. */
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
