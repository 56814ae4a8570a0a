import type { Logger } from 'pino';
import type { VaultSecrets } from '../services/vault-secrets';
import type { VaultStore } from '../storage/vault-store';

/**
 * Background sweep: deletes expired tokens, CVCs past their TTL, dead sessions and their jti
 * records, old idempotency records; and picks up a keyring rotated by the CLI. Returns stop().
 */
export function startPurgeSweep(d: { store: VaultStore; secrets: VaultSecrets; logger: Logger; intervalMs: number; now: () => number }): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    try {
      const counts = await d.store.purgeExpired(d.now());
      await d.secrets.reloadKeyring(d.now());
      if (Object.values(counts).some((n) => n > 0)) d.logger.info({ purged: counts }, 'purge sweep');
    } catch (e) {
      d.logger.error({ err: { message: (e as Error).message } }, 'purge sweep failed');
    }
  };
  const timer = setInterval(() => {
    running = running.then(sweep);
  }, d.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
