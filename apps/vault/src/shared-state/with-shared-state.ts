import type { PurgeCounts } from '../storage/records';
import type { VaultStore } from '../storage/vault-store';
import type { ReplayCache } from './replay-cache';

export interface StoreHooks {
  /** Cross-process replay fast path (Redis); the store's own jti table stays the authority. */
  replay?: ReplayCache;
  /** How long a claimed jti is remembered: at least a session's lifetime (a JWE dies with its session). */
  replayTtlMs: number;
  onPurge?: (counts: PurgeCounts) => void;
}

/**
 * The store the services see: the adapter's own behaviour, plus a replay claim in shared state
 * before a token is committed, and purge counts reported to metrics. A Proxy keeps every other
 * method exactly the adapter's (bound to it, so its #private fields keep working).
 */
export function withSharedState(store: VaultStore, hooks: StoreHooks): VaultStore {
  const { replay } = hooks;
  const overrides: Partial<VaultStore> = {
    async isJtiSeen(jti) {
      return (replay ? await replay.seen(jti) : false) || store.isJtiSeen(jti);
    },
    async commitToken(args) {
      if (replay && !(await replay.claim(args.jti, hooks.replayTtlMs))) return 'replayed';
      try {
        return await store.commitToken(args);
      } catch (e) {
        // Nothing was committed: give the jti back so a retry of the same request can succeed.
        await replay?.release(args.jti).catch(() => undefined);
        throw e;
      }
    },
    async purgeExpired(now) {
      const counts = await store.purgeExpired(now);
      hooks.onPurge?.(counts);
      return counts;
    },
  };
  return new Proxy(store, {
    get(target, prop) {
      const own = overrides[prop as keyof VaultStore];
      if (own) return own;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
