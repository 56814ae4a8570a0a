import type { Logger } from 'pino';
import type { CvcKeyGenerations } from '../cvc/cvc-key-generations';
import type { VaultMetrics } from '../metrics/vault-metrics';
import type { VaultSecrets } from '../services/vault-secrets';
import type { VaultStore } from '../storage/vault-store';

export interface SweepDeps {
  store: VaultStore;
  secrets: VaultSecrets;
  cvcKeys: CvcKeyGenerations;
  metrics: VaultMetrics;
  logger: Logger;
  now: () => number;
}

/**
 * One sweep: deletes expired tokens, CVCs past their TTL, dead sessions and their jti records,
 * old idempotency records; then destroys the CVC key generations every CVC of which is past its
 * TTL (crypto-shredding: the rows' old versions elsewhere become unreadable); and picks up a
 * keyring rotated by the CLI. Never throws: a failed sweep is logged and the next one retries.
 */
export async function sweepOnce(d: SweepDeps): Promise<void> {
  try {
    const counts = await d.store.purgeExpired(d.now());
    const shredded = await d.cvcKeys.shred(d.now());
    d.metrics.cvcShredded(shredded);
    await d.secrets.reloadKeyring(d.now());
    if (shredded > 0 || Object.values(counts).some((n) => n > 0)) d.logger.info({ purged: counts, cvcKeyGenerationsShredded: shredded }, 'purge sweep');
  } catch (e) {
    d.logger.error({ err: { message: (e as Error).message } }, 'purge sweep failed');
  }
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
