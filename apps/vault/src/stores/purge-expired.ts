import type { PurgeCounts } from './records';
import type { VaultStores } from './vault-stores';

/** One sweep's deletions across the aggregates, in one transaction. */
export function purgeExpired(stores: VaultStores, now: number): Promise<PurgeCounts> {
  return stores.transaction(async (tx) => {
    const tokens = await tx.tokens.purge(now);
    const sessions = await tx.sessions.purge(now);
    return { ...tokens, ...sessions, idempotency: await tx.idempotency.purge(now) };
  });
}
