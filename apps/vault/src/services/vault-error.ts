import type { ErrorCode } from '@tokenframe/protocol';

/** The plain-data form of a VaultError, as kept under an Idempotency-Key. */
export interface VaultErrorData {
  status: number;
  code: ErrorCode;
  message: string;
  param?: string;
  headers?: Record<string, string>;
}

/**
 * The one error of the vault's domain: a code from the closed set in @tokenframe/protocol, the
 * HTTP status it answers with, a message that teaches, and the request field at fault. Services
 * return it for expected failures (STYLE.md §6) and handlers throw it; the API's one `onError`
 * (api/api-app.ts) turns it into the JSON error body. It never carries card data.
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly param: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, code: ErrorCode, message: string, param?: string, headers?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
    this.headers = headers;
  }

  static from(d: VaultErrorData): VaultError {
    return new VaultError(d.status, d.code, d.message, d.param, d.headers);
  }

  /** The same error with extra response headers (e.g. Cache-Control on secret-key refusals). */
  withHeaders(headers: Record<string, string>): VaultError {
    return new VaultError(this.status, this.code, this.message, this.param, { ...this.headers, ...headers });
  }

  toJSON(): VaultErrorData {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      ...(this.param ? { param: this.param } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
    };
  }
}

export function vaultError(status: number, code: ErrorCode, message: string, param?: string, headers?: Record<string, string>): VaultError {
  return new VaultError(status, code, message, param, headers);
}

export function isVaultError(x: unknown): x is VaultError {
  return x instanceof VaultError;
}

/** A service result as a value, or its VaultError thrown (what handlers do with `T | VaultError`). */
export function orThrow<T>(result: T | VaultError): T {
  if (result instanceof VaultError) throw result;
  return result;
}
