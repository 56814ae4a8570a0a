/** The budgets of DESIGN.md ("Budgets"), in the units the bench measures. kB = 1,000 bytes (the stricter reading). */
export const BUDGETS = {
  sdkCoreGzipBytes: 5_000,
  frameDocumentGzipBytes: 20_000,
  mountReadyRatio: 1.3,
  tokenizeRatio: 1.5,
  vaultThroughputRatio: 0.6,
  /** POST /v1/charges over the same authorization sent straight to the simulator; webhook commit → receiver. */
  chargeRatio: 1.3,
  webhookP50Ms: 50,
  webhookPerSec: 1_000,
  /** PostgreSQL + Redis, one process, over SQLite, same run. */
  pgToSqliteRatio: 0.7,
  /** Two vault processes on PostgreSQL + Redis over one. */
  twoProcessRatio: 1.5,
} as const;

export interface BudgetCheck {
  name: string;
  measured: number;
  budget: number;
  atMost: boolean;
  met: boolean;
  /** How far off, e.g. "+3.6 kB (72 % over)" or "0.45 vs ≥ 0.6". */
  by: string;
}

export function check(name: string, measured: number, budget: number, atMost: boolean, unit: 'bytes' | 'ratio'): BudgetCheck {
  const met = atMost ? measured <= budget : measured >= budget;
  const pct = Math.round((Math.abs(measured - budget) / budget) * 100);
  const by =
    unit === 'bytes'
      ? `${measured > budget ? '+' : '-'}${(Math.abs(measured - budget) / 1000).toFixed(1)} kB (${pct} % ${measured > budget ? 'over' : 'under'})`
      : `${measured.toFixed(2)} vs ${atMost ? '≤' : '≥'} ${budget} (${pct} % ${met ? 'margin' : 'off'})`;
  return { name, measured, budget, atMost, met, by };
}
