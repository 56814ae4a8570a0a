import { randomBytes } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { vaultError, type VaultError } from '../services/vault-error';
import type { VaultMetrics } from '../metrics/vault-metrics';
import type { SharedState } from '../shared-state/shared-state';
import type { ApiKeyRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { limitsFor, type LimitConfig, type LimitName } from '../config/limit-config';

export interface GuardContext {
  key: ApiKeyRecord;
  /** The client as per-client limits count it: an IPv4 address, or an IPv6 network (auth/client-net.ts). */
  ip: string;
}
/** What the guard learns after the JWE is opened: never the PAN, only BIN, last4, a keyed fingerprint and Luhn validity. */
export interface OpenedContext extends GuardContext {
  sid: string;
  bin: string;
  last4: string;
  fingerprint: string;
  luhnValid: boolean;
  /** One of the documented test cards (@tokenframe/card TEST_CARDS). */
  testCard: boolean;
}

type Scope = 'bin' | 'ip' | 'bin_last4';

/** Hooks TokenService calls inside a tokenize; an VaultError (429) stops the request. */
export interface TokenizeGuard {
  beforeOpen(c: GuardContext): Promise<VaultError | undefined>;
  afterOpen(c: OpenedContext): Promise<VaultError | undefined>;
}

const limited = (res: RateLimiterRes): VaultError =>
  vaultError(429, 'rate_limited', 'Too many tokenization attempts. Retry later.', undefined, { 'Retry-After': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))) });

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
 * Rate limits and card-testing defence for POST /v1/tokens, over rate-limiter-flexible (Redis
 * when several processes share the counters). Card testing: a burst of *distinct* Luhn-valid
 * cards from one BIN, one IP, or one BIN + last4. "Distinct" uses a first-seen marker per card
 * fingerprint; only a new card spends a point of the distinct-card limit, and once it is exceeded
 * every attempt from that BIN/IP/BIN + last4 is refused until the window ends. The first trip of a
 * window records a `card_testing.suspected` event for the merchant (GET /v1/events).
 *
 * Order (docs/security.md, "Who spends whose budget"): narrowest first, and a limit that refuses
 * stops the walk, so a request refused per client (IP, session) spends nothing of the card's,
 * the BIN's or the key's budget. Before the JWE opens only `perIp` is spent (`perKey` is read,
 * not spent): garbage from one address cannot exhaust a merchant's key.
 */
export class RateLimitGuard implements TokenizeGuard {
  readonly #d: { shared: SharedState; config: LimitConfig; store: VaultStores; metrics?: VaultMetrics; now: () => number };

  constructor(d: { shared: SharedState; config: LimitConfig; store: VaultStores; metrics?: VaultMetrics; now: () => number }) {
    this.#d = d;
  }

  #limiter(key: ApiKeyRecord, name: LimitName): [RateLimiterAbstract, number, number] {
    const l = limitsFor(this.#d.config, key.id)[name];
    return [this.#d.shared.limiter(name, l.points, l.seconds), l.points, l.seconds];
  }

  #refuse(name: LimitName, res: RateLimiterRes): VaultError {
    this.#d.metrics?.rateLimitHit(name);
    return limited(res);
  }

  async #check(key: ApiKeyRecord, name: LimitName, id: string): Promise<VaultError | undefined> {
    const [limiter, points] = this.#limiter(key, name);
    const res = await consume(limiter, id);
    return res.consumedPoints <= points ? undefined : this.#refuse(name, res);
  }

  /** Refuses when the limit is already spent, without spending it. */
  async #peek(key: ApiKeyRecord, name: LimitName, id: string): Promise<VaultError | undefined> {
    const [limiter, points] = this.#limiter(key, name);
    const res = await limiter.get(id);
    return res && res.consumedPoints >= points ? this.#refuse(name, res) : undefined;
  }

  async beforeOpen({ key, ip }: GuardContext): Promise<VaultError | undefined> {
    return (await this.#check(key, 'perIp', `${key.id}:${ip}`)) ?? (await this.#peek(key, 'perKey', key.id));
  }

  /**
   * A documented test card on a test key is exempt from the per-card and per-BIN limits: reusing
   * 4242… is what a sandbox is for, and a test key cannot tell a card tester anything (it refuses
   * every other card with the same 402). Per-key, per-IP and per-session limits still apply, and a
   * non-test card on a test key is still counted, so a leaked pk_test being probed is still seen.
   */
  async afterOpen(c: OpenedContext): Promise<VaultError | undefined> {
    const { key } = c;
    const session = await this.#check(key, 'perSession', c.sid);
    if (session) return session;
    if (key.env === 'test' && c.testCard) return this.#check(key, 'perKey', key.id);
    const distinct = (name: LimitName, scope: Scope, shown: Record<string, string>, counter: string) => (c.luhnValid ? this.#distinct(c, name, scope, shown, counter) : undefined);
    const mode = key.env;
    return (
      (await distinct('distinctCardsPerIp', 'ip', { ip: c.ip }, `${key.id}:${c.ip}`)) ??
      (await this.#check(key, 'perFingerprint', `${key.accountId}:${c.fingerprint}`)) ??
      (await distinct('distinctCardsPerBinLast4', 'bin_last4', { bin: c.bin, last4: c.last4 }, `${key.accountId}:${mode}:${c.bin}:${c.last4}`)) ??
      (await this.#check(key, 'perBin', `${key.id}:${c.bin}`)) ??
      (await distinct('distinctCardsPerBin', 'bin', { bin: c.bin }, `${key.id}:${c.bin}`)) ??
      (await this.#check(key, 'perKey', key.id))
    );
  }

  async #distinct(c: OpenedContext, name: LimitName, scope: Scope, shown: Record<string, string>, counter: string): Promise<VaultError | undefined> {
    const [limiter, points, seconds] = this.#limiter(c.key, name);
    const firstSeen = await consume(this.#d.shared.limiter(`seen-${scope}`, 1_000_000, seconds), `${counter}:${c.fingerprint}`);
    const res = firstSeen.consumedPoints === 1 ? await consume(limiter, counter) : await limiter.get(counter);
    if (!res || res.consumedPoints <= points) return undefined;
    const refused = this.#refuse(name, res);
    const once = await consume(this.#d.shared.limiter(`event-${scope}`, 1, seconds), counter);
    if (once.consumedPoints === 1) {
      this.#d.metrics?.cardTesting(scope);
      await this.#d.store.events.record({
        id: `evt_${randomBytes(12).toString('base64url')}`,
        accountId: c.key.accountId,
        type: 'card_testing.suspected',
        livemode: c.key.env === 'live',
        createdAt: this.#d.now(),
        data: { scope, ...shown, keyId: c.key.id, distinctCards: res.consumedPoints, limit: points, windowSeconds: seconds },
      });
    }
    return refused;
  }
}
