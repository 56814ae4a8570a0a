/**
 * The vault could not be reached, or did not answer within `timeoutMs`, on every attempt. The call
 * may or may not have run: retry it with the same `idempotencyKey` and the vault answers with the
 * first result instead of doing it twice.
 */
export class TokenframeConnectionError extends Error {
  override name = 'TokenframeConnectionError';
  /** True when the last attempt hit the timeout rather than a network failure. */
  readonly timedOut: boolean;
  readonly attempts: number;
  /** Always true: the same call (same idempotencyKey) may succeed later. */
  readonly retryable = true;

  constructor(message: string, opts: { timedOut: boolean; attempts: number; cause: unknown }) {
    super(message, { cause: opts.cause });
    this.timedOut = opts.timedOut;
    this.attempts = opts.attempts;
  }
}
