import { errorTypeOf, type ErrorCode, type ErrorType, type TokenframeErrorShape } from '@tokenframe/protocol';

/**
 * The one error class of the SDK. Misuse (a wrong argument) throws it at once with code
 * `invalid_argument`; `mount()` rejects with it when a frame cannot load (the same value is
 * emitted as `loaderror`). Expected failures of `tokenize()` are returned as plain shapes instead.
 */
export class TokenframeError extends Error implements TokenframeErrorShape {
  override readonly name = 'TokenframeError';
  readonly type: ErrorType;
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(`Tokenframe: ${message}`);
    this.code = code;
    this.type = errorTypeOf(code);
  }

  /** The plain, serializable shape (what `tokenize()` resolves with under `error`). */
  toJSON(): TokenframeErrorShape {
    return { type: this.type, code: this.code, message: this.message };
  }
}

/** Throws a developer error: what happened and what to do, prefixed so it is easy to find in a console. */
export function misuse(message: string): never {
  throw new TokenframeError('invalid_argument', message);
}

/** A plain error value for `tokenize()` results and `loaderror` events. */
export function errorShape(code: ErrorCode, message: string): TokenframeErrorShape {
  return new TokenframeError(code, message).toJSON();
}
