import type { Logger } from 'pino';
import type { CvcKeyGenerations } from '../cvc/cvc-key-generations';
import type { VaultMetrics } from '../metrics/vault-metrics';
import type { VaultSecrets } from '../services/vault-secrets';
import type { PurgeCounts } from '../stores/records';
import { purgeExpired } from '../stores/purge-expired';
import type { VaultStores } from '../stores/vault-stores';

export interface SweepDeps {
  stores: VaultStores;
  secrets: VaultSecrets;
  cvcKeys: CvcKeyGenerations;
  metrics: VaultMetrics;
  logger: Logger;
  now: () => number;
  /** Charge reconciliation (services/charges/reconcile-charges.ts); none in tools that only purge. */
  charges?: { reconcile(): Promise<{ resumed: number; lateVoided: number }> };
}

/**
 * One sweep: destroys the CVC key generations every CVC of which is past its TTL (crypto-shredding:
 * the rows' old versions elsewhere become unreadable); deletes expired tokens, CVCs past their TTL,
 * dead sessions and their jti records, old idempotency records; and picks up a keyring rotated by
 * the CLI. The shred runs first and on its own: destroying keys on time must not wait on a database
 * that is down, nor the database cleanup on a Redis that is. Never throws: a failed step is logged
 * and the next sweep retries it.
 */
export async function sweepOnce(d: SweepDeps): Promise<void> {
  let shredded = 0;
  try {
    shredded = await d.cvcKeys.shred(d.now());
    d.metrics.cvcShredded(shredded);
  } catch (e) {
    d.logger.error({ err: { message: (e as Error).message } }, 'purge sweep: destroying CVC key generations failed');
  }
  let counts: PurgeCounts | undefined;
  try {
    counts = await purgeExpired(d.stores, d.now());
    d.metrics.purged(counts);
    await d.secrets.reloadKeyring(d.now());
  } catch (e) {
    d.logger.error({ err: { message: (e as Error).message } }, 'purge sweep failed');
  }
  try {
    const r = await d.charges?.reconcile();
    if (r && (r.resumed > 0 || r.lateVoided > 0)) d.logger.info({ charges: r }, 'charge reconciliation');
  } catch (e) {
    d.logger.error({ err: { message: (e as Error).message } }, 'charge reconciliation failed');
  }
  if (shredded > 0 || (counts ? Object.values(counts) : []).some((n) => n > 0))
    d.logger.info({ purged: counts, cvcKeyGenerationsShredded: shredded }, 'purge sweep');
}

/** Runs sweepOnce every `intervalMs`, one at a time. Returns stop(), which waits for a running sweep. */
export function startPurgeSweep(d: SweepDeps & { intervalMs: number }): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sweepOnce(d));
  }, d.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
