import { randomBytes } from 'node:crypto';
import type { VaultMetrics } from '../metrics/vault-metrics';
import type { VaultStores } from '../stores/vault-stores';
import type { OpenedContext, Scope } from './limit-walk';

/** The first trip of a distinct-card limit in its window: a `card_testing_suspected` event for the merchant (GET /v1/events). */
export async function recordCardTesting(
  d: { store: VaultStores; metrics?: VaultMetrics; now: () => number },
  c: OpenedContext,
  trip: { scope: Scope; shown: Record<string, string>; distinctCards: number; limit: number; windowSeconds: number },
): Promise<void> {
  d.metrics?.cardTesting(trip.scope);
  await d.store.events.record({
    id: `evt_${randomBytes(12).toString('base64url')}`,
    accountId: c.key.accountId,
    type: 'card_testing.suspected',
    livemode: c.key.env === 'live',
    createdAt: d.now(),
    data: {
      scope: trip.scope,
      ...trip.shown,
      keyId: c.key.id,
      distinctCards: trip.distinctCards,
      limit: trip.limit,
      windowSeconds: trip.windowSeconds,
    },
  });
}
