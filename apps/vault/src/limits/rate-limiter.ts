import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** The limiter the routes see; a Redis-backed one (shared across vault processes) plugs in here. */
export interface RateLimiter {
  consume(key: string): Promise<RateDecision>;
}

/** In-process fixed-window limiter: `points` per `durationSeconds` per key. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #limiter: RateLimiterMemory;

  constructor(points: number, durationSeconds: number) {
    this.#limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  }

  async consume(key: string): Promise<RateDecision> {
    try {
      await this.#limiter.consume(key);
      return { ok: true };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterMs: e.msBeforeNext };
      throw e;
    }
  }
}
