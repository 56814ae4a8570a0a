import type { Charge } from './types.js';

/** The vault's error body, `{error: {type, code, message, param?, requestId}}` (docs/api.md, "Errors"). */
export interface VaultErrorFields {
  type: string;
  code: string;
  message: string;
  param?: string | undefined;
  requestId?: string | undefined;
  /** The vault's own verdict (`error.retryable`, sent on charge failures): false wins over the status. */
  retryable?: boolean | undefined;
  /** 402 card_declined: the processor's response code, e.g. `116`. */
  declineCode?: string | undefined;
}

/**
 * An answer from the vault that was not a success. `code` is the vault's stable code (switch on it,
 * and fall back on `type` for a code this version does not know); `message` is for developers and
 * never holds request input or card data. Each class of fault has a subclass, so a handler can say
 * whose fault it is: `instanceof TokenframeAuthenticationError` (the key), `…InvalidRequestError`
 * (the request), `…RateLimitError` / `…ServerError` (try later).
 */
export class TokenframeApiError extends Error {
  override name = 'TokenframeApiError';
  readonly status: number;
  readonly type: string;
  readonly code: string;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  /**
   * True when repeating the same call (same Idempotency-Key) may succeed: 409 request in progress,
   * 429, 5xx — unless the vault said `retryable: false` (e.g. a failed charge it already voided:
   * a repeat only replays that answer; make a new charge with a new key instead).
   */
  readonly retryable: boolean;

  constructor(status: number, fields: VaultErrorFields) {
    super(fields.message);
    this.status = status;
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.requestId = fields.requestId;
    this.retryable = fields.retryable !== false && isRetryable(status, fields.code);
  }
}

/** 401: the key is wrong, revoked, or of the other mode. Check the key; retrying will not help. */
export class TokenframeAuthenticationError extends TokenframeApiError {
  override name = 'TokenframeAuthenticationError';
}
/** 403: the key lacks the scope, the IP is not allowed, or a secret key came from a browser. */
export class TokenframePermissionError extends TokenframeApiError {
  override name = 'TokenframePermissionError';
}
/** 400/404/413/415/422: fix the request (`param` names the field when there is one). */
export class TokenframeInvalidRequestError extends TokenframeApiError {
  override name = 'TokenframeInvalidRequestError';
}
/** 409: replayed request, or the same Idempotency-Key still running (retried for you). */
export class TokenframeConflictError extends TokenframeApiError {
  override name = 'TokenframeConflictError';
}
/** 429: too many requests; retried for you, honouring Retry-After. */
export class TokenframeRateLimitError extends TokenframeApiError {
  override name = 'TokenframeRateLimitError';
}
/**
 * 5xx: the vault or the processor behind it failed; retried for you with the same Idempotency-Key
 * unless the vault said `retryable: false`. On a charge's 502 `processor_error` / 504
 * `processor_timeout`, `charge` is the charge as the vault left it: `failed` (voided, nothing
 * charged: `retryable` is false) or `pending` (a retry with the same key resumes it).
 */
export class TokenframeServerError extends TokenframeApiError {
  override name = 'TokenframeServerError';
  readonly charge: Charge | undefined;
  constructor(status: number, fields: VaultErrorFields, charge?: Charge | undefined) {
    super(status, fields);
    this.charge = charge;
  }
}
/**
 * 402: the card was refused (`card_declined`, `expired_card`); `charge` is the declined charge when
 * the vault made one (its `processor.resptext` says why), `declineCode` the processor's code.
 */
export class TokenframeCardError extends TokenframeApiError {
  override name = 'TokenframeCardError';
  readonly charge: Charge | undefined;
  readonly declineCode: string | undefined;
  constructor(status: number, fields: VaultErrorFields, charge: Charge | undefined) {
    super(status, fields);
    this.charge = charge;
    this.declineCode = fields.declineCode;
  }
}

const IN_PROGRESS = new Set(['request_in_progress', 'idempotency_in_flight']);

function isRetryable(status: number, code: string): boolean {
  return (status === 409 && IN_PROGRESS.has(code)) || status === 429 || status >= 500;
}
