import type { Logger } from 'pino';
import type { CvcCipher } from '../../cvc/cvc-cipher';
import type { ApiKeyRecord, ChargeRecord, EventRecord, StoredResponse, TokenRecord } from '../../stores/records';
import type { StoresTx, VaultStores } from '../../stores/vault-stores';
import type { IdempotencyClaim } from '../idempotency';
import type { VaultSecrets } from '../vault-secrets';
import type { CardPointeConnector } from './cardpointe-connector';
import type { ConnectionService } from './connection-service';

/** What the charge services are built from (server/build-apps.ts). */
export interface ChargeDeps {
  stores: VaultStores;
  connections: ConnectionService;
  connector: CardPointeConnector;
  secrets: VaultSecrets;
  cvc: CvcCipher;
  logger: Logger;
  now: () => number;
  /** Largest amount in minor units (TOKENFRAME_CHARGE_MAX_AMOUNT). */
  maxAmount: number;
}

/** A token of another account, another mode, or past its expiry is exactly like no token. */
export async function visibleToken(stores: VaultStores, key: ApiKeyRecord, id: string, now: number): Promise<TokenRecord | undefined> {
  const t = /^tok_[A-Za-z0-9_-]{1,64}$/.test(id) ? await stores.tokens.find(id) : undefined;
  if (!t || t.accountId !== key.accountId || t.livemode !== (key.env === 'live')) return undefined;
  if (t.expiresAt !== null && t.expiresAt <= now) return undefined;
  return t;
}

/** A charge of another account or mode is exactly like no charge. */
export async function visibleCharge(stores: VaultStores, key: ApiKeyRecord, id: string): Promise<ChargeRecord | undefined> {
  const c = /^ch_[A-Za-z0-9]{1,64}$/.test(id) ? await stores.charges.find(id) : undefined;
  return c && c.accountId === key.accountId && c.livemode === (key.env === 'live') ? c : undefined;
}

/**
 * One transaction: the charge row re-read and locked, changed by `change` (pure: it may run twice
 * on PostgreSQL), its event and, when `claim` is given, the answer stored under the
 * Idempotency-Key — all committed together or not at all.
 */
export function commitCharge(
  stores: VaultStores,
  id: string,
  change: (fresh: ChargeRecord) => { next: ChargeRecord; event?: EventRecord | undefined; response?: StoredResponse | undefined },
  claim?: IdempotencyClaim,
): Promise<ChargeRecord> {
  return stores.transaction(async (tx: StoresTx) => {
    const fresh = await tx.charges.findForUpdate(id);
    if (!fresh) throw new Error(`charge ${id} vanished`);
    const { next, event, response } = change(fresh);
    await tx.charges.update(next);
    if (event) await tx.events.record(event);
    if (claim && response) await tx.idempotency.finish(claim.accountId, claim.key, response);
    return next;
  });
}
