import { newEvent } from '../stores/events/new-event';
import type { StoredResponse, TokenRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import type { Decided } from './decide-tokenization';
import type { IdempotencyClaim } from './idempotency';
import type { ReplayGuard } from './replay-guard';
import { commitVerdict, spendSession, type SpendResult } from './session-rule';

/** token.* event data: ids, brand, last4 (never the number, CVC, middle digits or fingerprint). */
const tokenEvent = (type: string, t: TokenRecord, at: number) =>
  newEvent(type, t, { tokenId: t.id, keyId: t.keyId, brand: t.brand, last4: t.last4, expiresAt: t.expiresAt }, at);

/**
 * One transaction: the session spent (session-rule.ts), the token inserted and its response
 * stored under the Idempotency-Key (on PostgreSQL one statement, VaultStores.commitToken). The
 * replay guard claims the jti first, explicitly, unless the scripted limit walk already did.
 */
export async function commitTokenization(
  o: { store: VaultStores; replay?: ReplayGuard | undefined },
  clock: () => number,
  d: Decided,
  claim: IdempotencyClaim,
  response: StoredResponse,
): Promise<SpendResult> {
  const replay = o.replay;
  if (replay && !d.jtiClaimed && !(await replay.claim(d.jti))) return 'replayed';
  try {
    const { store } = o;
    if (store.commitToken) {
      const now = clock();
      const idempotency = { accountId: claim.accountId, key: claim.key, response };
      const event = tokenEvent('token.created', d.token, now);
      return commitVerdict(
        await store.commitToken({ sid: d.sid, keyId: d.token.keyId, jti: d.jti, now, token: d.token, idempotency, event }),
        d.token.keyId,
        now,
      );
    }
    return await store.transaction(async (tx) => {
      const spent = await spendSession(tx, { sid: d.sid, keyId: d.token.keyId, jti: d.jti, now: clock() });
      if (spent !== 'ok') return spent;
      await tx.tokens.insert(d.token);
      await tx.events.record(tokenEvent('token.created', d.token, clock()));
      await tx.idempotency.finish(claim.accountId, claim.key, response);
      return 'ok';
    });
  } catch (e) {
    // Nothing was committed: give the jti back so a retry of the same request can succeed.
    await replay?.release(d.jti);
    throw e;
  }
}
