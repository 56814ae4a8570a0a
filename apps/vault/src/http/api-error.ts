import { errorTypeOf, type ErrorCode, type VaultErrorBody } from '@tokenframe/protocol';

/** An expected failure of an API request, as a value (STYLE.md §6); turned into JSON at the edge. */
export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
  param?: string;
  headers?: Record<string, string>;
}

export function apiError(status: number, code: ErrorCode, message: string, param?: string, headers?: Record<string, string>): ApiError {
  return { status, code, message, ...(param ? { param } : {}), ...(headers ? { headers } : {}) };
}

export function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && 'code' in x && 'status' in x && 'message' in x;
}

export function errorBody(err: ApiError, requestId: string): VaultErrorBody {
  return {
    error: { type: errorTypeOf(err.code), code: err.code, message: err.message, ...(err.param ? { param: err.param } : {}), requestId },
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

export function errorResponse(err: ApiError, requestId: string): Response {
  return jsonResponse(err.status, errorBody(err, requestId), err.headers);
}
