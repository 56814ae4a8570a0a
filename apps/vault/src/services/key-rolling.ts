import { generateApiKey, hashApiKey, keyHint, randomId } from '../auth/api-key';
import { keyState } from '../auth/key-state';
import { newEvent } from '../stores/events/new-event';
import type { ApiKeyRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { fail, type CreatedKey, type Result } from './key-types';

/** A successor with the same settings; the old key keeps working for `overlapMs`. */
export async function rollApiKey(store: VaultStores, now: () => number, id: string, overlapMs: number): Promise<Result<CreatedKey>> {
  const old = await store.keys.findKey(id);
  if (!old || keyState(old, now()) !== 'active') return fail(`No active key ${id}.`);
  const key = generateApiKey(old.type, old.env);
  const successor: ApiKeyRecord = {
    ...old,
    id: randomId('key', 12),
    hash: hashApiKey(key),
    hint: keyHint(key),
    createdAt: now(),
    expiresAt: null,
    revokedAt: null,
  };
  const at = now();
  const expiresAt = at + overlapMs;
  // The roll and its key.rolled event (and webhooks) together.
  await store.transaction(async (tx) => {
    await tx.keys.rollKey(old.id, expiresAt, successor);
    await tx.events.record(
      newEvent(
        'key.rolled',
        { accountId: old.accountId, livemode: old.env === 'live' },
        { keyId: old.id, newKeyId: successor.id, type: old.type, expiresAt },
        at,
      ),
    );
  });
  const account = await store.keys.findAccount(old.accountId);
  return {
    ok: true,
    value: {
      id: successor.id,
      key,
      account: account?.name ?? old.accountId,
      type: old.type,
      env: old.env,
      origins: old.origins,
      scopes: old.scopes,
    },
  };
}
