import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { vaultError, type VaultError } from '../services/vault-error';
import type { VaultMetrics } from '../metrics/vault-metrics';
import type { SharedState } from '../shared-state/shared-state';
import type { ApiKeyRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { limitsFor, type LimitConfig, type LimitName } from '../config/limit-config';
import { recordCardTesting } from './card-testing-event';
import { afterOpenSteps, beforeOpenSteps, type GuardContext, type LimitStep, type OpenedContext } from './limit-walk';

export type { GuardContext, OpenedContext } from './limit-walk';

/** Hooks TokenService calls inside a tokenize; an VaultError (429) stops the request. */
export interface TokenizeGuard {
  beforeOpen(c: GuardContext): Promise<VaultError | undefined>;
  afterOpen(c: OpenedContext): Promise<VaultError | undefined>;
  /**
   * Only with Redis (limits/scripted-tokenize-guard.ts): afterOpen's limits, the replay check and the
   * jti claim in one round trip, reading `read` (a Redis key) along. 'replayed' spends nothing; an
   * object means claimed: the jti is held until the commit (the caller gives it back with
   * ReplayGuard.release if it does not commit).
   */
  afterOpenClaiming?(c: OpenedContext, jti: string, read?: string): Promise<VaultError | 'replayed' | { read: string | undefined }>;
}

export interface GuardDeps {
  shared: SharedState;
  config: LimitConfig;
  store: VaultStores;
  metrics?: VaultMetrics;
  now: () => number;
}

/** The 429 of a tokenize limit; `msBeforeNext` becomes Retry-After (whole seconds, at least 1). */
export function limited(d: GuardDeps, name: LimitName, msBeforeNext: number): VaultError {
  d.metrics?.rateLimitHit(name);
  return vaultError(429, 'rate_limited', 'Too many tokenization attempts. Retry later.', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(msBeforeNext / 1000))),
  });
}

/** consume() that returns the limiter's verdict instead of rejecting with it. */
async function consume(l: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await l.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  }
}

/**
 * Rate limits and card-testing defence for POST /v1/tokens, over rate-limiter-flexible, one
 * limiter call per step (memory without Redis; with Redis the vault uses the scripted guard, the
 * same walk in one round trip). Card testing: a burst of *distinct* Luhn-valid cards from one BIN,
 * one IP, or one BIN + last4. "Distinct" uses a first-seen marker per card fingerprint; only a new
 * card spends a point of the distinct-card limit, and once it is exceeded every attempt from that
 * BIN/IP/BIN + last4 is refused until the window ends. The first trip of a window records a
 * `card_testing.suspected` event for the merchant (GET /v1/events).
 *
 * The walk and its order are limits/limit-walk.ts (docs/security.md, "Who spends whose budget").
 */
export class RateLimitGuard implements TokenizeGuard {
  readonly #d: GuardDeps;

  constructor(d: GuardDeps) {
    this.#d = d;
  }

  #limiter(key: ApiKeyRecord, name: LimitName): [RateLimiterAbstract, number, number] {
    const l = limitsFor(this.#d.config, key.id)[name];
    return [this.#d.shared.limiter(name, l.points, l.seconds), l.points, l.seconds];
  }

  beforeOpen(c: GuardContext): Promise<VaultError | undefined> {
    return this.#walk(c.key, beforeOpenSteps(c), undefined);
  }

  afterOpen(c: OpenedContext): Promise<VaultError | undefined> {
    return this.#walk(c.key, afterOpenSteps(c), c);
  }

  async #walk(key: ApiKeyRecord, steps: LimitStep[], opened: OpenedContext | undefined): Promise<VaultError | undefined> {
    for (const step of steps) {
      const refused = await this.#step(key, step, opened);
      if (refused) return refused;
    }
    return undefined;
  }

  async #step(key: ApiKeyRecord, step: LimitStep, opened: OpenedContext | undefined): Promise<VaultError | undefined> {
    const [limiter, points, seconds] = this.#limiter(key, step.name);
    if (step.kind === 'count') {
      const res = await consume(limiter, step.id);
      return res.consumedPoints <= points ? undefined : limited(this.#d, step.name, res.msBeforeNext);
    }
    if (step.kind !== 'distinct') {
      const res = await limiter.get(step.id); // peek
      return res && res.consumedPoints >= points ? limited(this.#d, step.name, res.msBeforeNext) : undefined;
    }
    const firstSeen = await consume(this.#d.shared.limiter(`seen-${step.scope}`, 1_000_000, seconds), `${step.id}:${opened!.fingerprint}`);
    const res = firstSeen.consumedPoints === 1 ? await consume(limiter, step.id) : await limiter.get(step.id);
    if (!res || res.consumedPoints <= points) return undefined;
    const refused = limited(this.#d, step.name, res.msBeforeNext);
    const once = await consume(this.#d.shared.limiter(`event-${step.scope}`, 1, seconds), step.id);
    if (once.consumedPoints === 1)
      await recordCardTesting(this.#d, opened!, {
        scope: step.scope,
        shown: step.shown,
        distinctCards: res.consumedPoints,
        limit: points,
        windowSeconds: seconds,
      });
    return refused;
  }
}
