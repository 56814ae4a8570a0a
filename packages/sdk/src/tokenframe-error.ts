import { pageErrorType, type ErrorCode, type ErrorType, type PageErrorCode, type TokenframeErrorShape } from '@tokenframe/protocol';

/**
 * The one error class of the SDK. Misuse (a wrong argument) throws it at once with code
 * `invalid_argument`; `mount()` rejects with it when a frame cannot load (the same value is
 * emitted as `loaderror`). Expected failures of `tokenize()` are returned as plain shapes instead.
 */
export class TokenframeError extends Error implements TokenframeErrorShape {
  override readonly name = 'TokenframeError';
  readonly type: ErrorType;
  readonly code: ErrorCode;

  /** A code the SDK creates (its type is known), or one a frame or the channel sent with its type. */
  constructor(code: PageErrorCode, message: string);
  constructor(code: ErrorCode, message: string, type: ErrorType);
  constructor(code: ErrorCode, message: string, type = pageErrorType(code as PageErrorCode)) {
    super(`Tokenframe: ${message}`);
    this.code = code;
    this.type = type;
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

/** A plain error value for `tokenize()` results. */
export function errorShape(code: PageErrorCode, message: string): TokenframeErrorShape {
  return new TokenframeError(code, message).toJSON();
}

/** Any failure from the channel, a frame or the status probe, as a TokenframeError. */
export function toTokenframeError(error: unknown): TokenframeError {
  if (error instanceof TokenframeError) return error;
  const { code, message, type } = (error ?? {}) as Partial<TokenframeErrorShape>;
  return typeof code === 'string' && typeof type === 'string'
    ? new TokenframeError(code, String(message), type)
    : new TokenframeError('internal_error', String(message ?? error));
}
