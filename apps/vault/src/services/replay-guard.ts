import type { ReplayCache } from '../shared-state/replay-cache';
import type { StoresTx } from '../stores/vault-stores';

/**
 * The cross-process replay fast path, called explicitly by TokenService: with Redis, a JWE's jti
 * is claimed there before the commit (so a replay is refused on any process before the expensive
 * work) and given back if the commit fails for a reason a retry may fix. Without Redis it does
 * nothing. Either way the database's seen_jti table (spendSession) stays the authority.
 */
export class ReplayGuard {
  readonly #cache: ReplayCache | undefined;
  readonly #ttlMs: number;

  /** How long a claimed jti is remembered. */
  get ttlMs(): number {
    return this.#ttlMs;
  }

  /** `ttlMs`: how long a claimed jti is remembered, at least a session's lifetime (a JWE dies with its session). */
  constructor(cache: ReplayCache | undefined, ttlMs: number) {
    this.#cache = cache;
    this.#ttlMs = ttlMs;
  }

  async seen(jti: string, stores: Pick<StoresTx, 'sessions'>): Promise<boolean> {
    return (this.#cache ? await this.#cache.seen(jti) : false) || stores.sessions.isJtiSeen(jti);
  }

  /** false: another request claimed this jti first. */
  async claim(jti: string): Promise<boolean> {
    return this.#cache ? this.#cache.claim(jti, this.#ttlMs) : true;
  }

  async release(jti: string): Promise<void> {
    await this.#cache?.release(jti).catch(() => undefined);
  }
}
