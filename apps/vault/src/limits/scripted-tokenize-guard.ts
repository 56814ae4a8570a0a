import { limitsFor, type LimitName } from '../config/limit-config';
import type { RedisLimitScript, ScriptStep } from '../shared-state/redis-limit-script';
import type { ApiKeyRecord } from '../stores/records';
import { VaultError } from '../services/vault-error';
import { recordCardTesting } from './card-testing-event';
import { afterOpenSteps, beforeOpenSteps, type GuardContext, type LimitStep, type OpenedContext } from './limit-walk';
import { limited, type GuardDeps, type TokenizeGuard } from './tokenize-guard';

/**
 * RateLimitGuard's walk (limits/limit-walk.ts, same order, same keys, same arithmetic) run as one
 * Redis script per hook: before the JWE opens one round trip (perIp spent, perKey read); after it
 * opens one round trip for every remaining limit, the replay check, the jti claim and (asked by
 * the caller) the read of the CVC key generation's slot. A refusal or a card-testing trip makes
 * no further Redis call (the event goes to the database).
 */
export class ScriptedTokenizeGuard implements TokenizeGuard {
  readonly #d: GuardDeps;
  readonly #script: RedisLimitScript;
  readonly #replay: { keyFor(jti: string): string; ttlMs: number };

  constructor(d: GuardDeps, script: RedisLimitScript, replay: { keyFor(jti: string): string; ttlMs: number }) {
    this.#d = d;
    this.#script = script;
    this.#replay = replay;
  }

  #scriptSteps(key: ApiKeyRecord, steps: LimitStep[], fingerprint: string | undefined): ScriptStep[] {
    const limits = limitsFor(this.#d.config, key.id);
    const keyOf = (name: string, points: number, seconds: number, id: string) => this.#d.shared.limitKey(name, points, seconds, id);
    return steps.map((s) => {
      const { points, seconds } = limits[s.name];
      const step: ScriptStep = { kind: s.kind, key: keyOf(s.name, points, seconds, s.id), points, seconds };
      if (s.kind === 'distinct') {
        step.seenKey = keyOf(`seen-${s.scope}`, 1_000_000, seconds, `${s.id}:${fingerprint}`);
        step.eventKey = keyOf(`event-${s.scope}`, 1, seconds, s.id);
      }
      return step;
    });
  }

  async #walk(
    key: ApiKeyRecord,
    steps: LimitStep[],
    opened: OpenedContext | undefined,
    jti?: string,
    read?: string,
  ): Promise<VaultError | 'replayed' | { read: string | undefined }> {
    const replay = jti === undefined ? undefined : { key: this.#replay.keyFor(jti), ttlMs: this.#replay.ttlMs };
    const v = await this.#script.walk(this.#scriptSteps(key, steps, opened?.fingerprint), replay, read);
    if (v.kind === 'ok') return { read: v.read };
    if (v.kind === 'replayed') return 'replayed';
    const step = steps[v.step]!;
    const refused = limited(this.#d, step.name as LimitName, v.msBeforeNext);
    if (step.kind === 'distinct' && v.firstEvent) {
      const { points, seconds } = limitsFor(this.#d.config, key.id)[step.name];
      await recordCardTesting(this.#d, opened!, {
        scope: step.scope,
        shown: step.shown,
        distinctCards: v.consumed,
        limit: points,
        windowSeconds: seconds,
      });
    }
    return refused;
  }

  async beforeOpen(c: GuardContext): Promise<VaultError | undefined> {
    const v = await this.#walk(c.key, beforeOpenSteps(c), undefined);
    return v instanceof VaultError ? v : undefined;
  }

  async afterOpen(c: OpenedContext): Promise<VaultError | undefined> {
    const v = await this.#walk(c.key, afterOpenSteps(c), c);
    return v instanceof VaultError ? v : undefined;
  }

  afterOpenClaiming(c: OpenedContext, jti: string, read?: string): Promise<VaultError | 'replayed' | { read: string | undefined }> {
    return this.#walk(c.key, afterOpenSteps(c), c, jti, read);
  }
}
