import {
  TokenframeApiError,
  TokenframeAuthenticationError,
  TokenframeCardError,
  TokenframeConflictError,
  TokenframeInvalidRequestError,
  TokenframePermissionError,
  TokenframeRateLimitError,
  TokenframeServerError,
  type VaultErrorFields,
} from './tokenframe-api-error.js';
import type { Charge } from './types.js';

/** Turns a non-2xx answer into the subclass for its class of fault. */
export function apiErrorFrom(status: number, body: unknown, headerRequestId: string | null): TokenframeApiError {
  const fields = errorFields(status, body, headerRequestId ?? undefined);
  if (status === 401) return new TokenframeAuthenticationError(status, fields);
  if (status === 402) return new TokenframeCardError(status, fields, chargeIn(body));
  if (status === 403) return new TokenframePermissionError(status, fields);
  if (status === 409) return new TokenframeConflictError(status, fields);
  if (status === 429) return new TokenframeRateLimitError(status, fields);
  if (status >= 500) return new TokenframeServerError(status, fields, chargeIn(body));
  if (status >= 400) return new TokenframeInvalidRequestError(status, fields);
  return new TokenframeApiError(status, fields);
}

function errorFields(status: number, body: unknown, requestId: string | undefined): VaultErrorFields {
  const e = isObject(body) && isObject(body.error) ? body.error : undefined;
  const text = (k: string) => (e && typeof e[k] === 'string' ? (e[k] as string) : undefined);
  const type = text('type');
  const code = text('code');
  const message = text('message');
  const retryable = e && typeof e.retryable === 'boolean' ? e.retryable : undefined;
  if (type && code && message)
    return {
      type,
      code,
      message,
      param: text('param'),
      requestId: text('requestId') || requestId,
      retryable,
      declineCode: text('declineCode'),
    };
  // Not the vault's error shape: a proxy or load balancer in between answered.
  return {
    type: 'api_error',
    code: status >= 500 ? 'service_unavailable' : 'unexpected_response',
    message: `The vault answered HTTP ${status} without a Tokenframe error body: is vaultUrl the vault's API origin, and is something in between answering for it?`,
    requestId,
  };
}

function chargeIn(body: unknown): Charge | undefined {
  if (!isObject(body)) return undefined;
  const c = isObject(body.charge) ? body.charge : isObject(body.error) && isObject(body.error.charge) ? body.error.charge : undefined;
  return c as Charge | undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
