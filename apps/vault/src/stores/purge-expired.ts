import { newEvent } from './events/new-event';
import type { PurgeCounts } from './records';
import type { VaultStores } from './vault-stores';

/** How long finished webhook deliveries and their attempts stay listable (GET …/attempts, redeliver). */
export const WEBHOOK_RETENTION_MS = 30 * 86_400_000;

/** One sweep's deletions across the aggregates, in one transaction, with a token.expired event (and its webhooks) per expired token. */
export function purgeExpired(stores: VaultStores, now: number): Promise<PurgeCounts> {
  return stores.transaction(async (tx) => {
    const { expired, ...tokens } = await tx.tokens.purge(now);
    for (const t of expired)
      await tx.events.record(newEvent('token.expired', t, { tokenId: t.id, keyId: t.keyId, brand: t.brand, last4: t.last4 }, now));
    const sessions = await tx.sessions.purge(now);
    const idempotency = await tx.idempotency.purge(now);
    return { ...tokens, ...sessions, idempotency, webhooks: await tx.webhooks.purge(now - WEBHOOK_RETENTION_MS) };
  });
}
