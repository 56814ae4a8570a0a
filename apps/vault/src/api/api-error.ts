import { errorTypeOf, type VaultErrorBody } from '@tokenframe/protocol';
import type { VaultError } from '../services/vault-error';

/** The JSON error body of docs/api.md, "Errors": rendered only by the API's onError and the edge. */
export function errorBody(err: VaultError, requestId: string): VaultErrorBody {
  return {
    error: { type: errorTypeOf(err.code), code: err.code, message: err.message, ...(err.param ? { param: err.param } : {}), requestId },
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

export function errorResponse(err: VaultError, requestId: string): Response {
  return jsonResponse(err.status, errorBody(err, requestId), err.headers);
}
