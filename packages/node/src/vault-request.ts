import { randomUUID } from 'node:crypto';
import { apiErrorFrom } from './api-error-from.js';
import type { TokenframeApiError } from './tokenframe-api-error.js';
import { TokenframeConnectionError } from './tokenframe-connection-error.js';
import { retryDelay } from './retry-delay.js';
import type { RequestOptions } from './types.js';

export interface CallSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface CallResult<T> {
  status: number;
  body: T;
}

export type VaultRequest = <T>(spec: CallSpec, opts?: RequestOptions) => Promise<CallResult<T>>;

export interface TransportConfig {
  vaultUrl: string;
  timeoutMs: number;
  maxRetries: number;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]{1,255}$/;

/**
 * One call to the vault, retried where that is safe.
 *
 * Requirements: a retry never does the work twice, and never hides a fault the caller must fix.
 * 1. POST and DELETE carry an `Idempotency-Key` (the caller's or a random UUID), the SAME on every
 *    attempt: the vault answers a repeat with the stored first result (or 409 while it still runs).
 * 2. Retried: network failures and timeouts, 409 request in progress, 429, 5xx. Never another 4xx,
 *    nor an answer whose body says `error.retryable: false` (a charge the vault already settled).
 * 3. Between attempts: full-jitter exponential backoff, or the vault's `Retry-After`.
 * 4. The secret key lives in this closure only; no error, log or inspected object carries it.
 */
export function createVaultRequest(secretKey: string, config: TransportConfig): VaultRequest {
  const authorization = `Bearer ${secretKey}`;
  return async function request<T>(spec: CallSpec, opts: RequestOptions = {}): Promise<CallResult<T>> {
    const maxRetries = opts.maxRetries ?? config.maxRetries;
    const timeoutMs = opts.timeoutMs ?? config.timeoutMs;
    const url = urlOf(config.vaultUrl, spec);
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json', 'User-Agent': USER_AGENT };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.method !== 'GET') headers['Idempotency-Key'] = idempotencyKey(opts.idempotencyKey);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce<T>(url, { method: spec.method, headers, body }, timeoutMs, opts.signal);
      if (outcome.ok) return outcome.result;
      const { error, retryAfter } = outcome;
      const last = attempt >= maxRetries;
      const wait = error.retryable && !last ? retryDelay(attempt, retryAfter) : undefined;
      if (wait === undefined) throw finalError(error, attempt + 1, config.vaultUrl);
      await sleep(wait, opts.signal);
    }
  };
}

type Outcome<T> =
  { ok: true; result: CallResult<T> } | { ok: false; error: TokenframeApiError | TokenframeConnectionError; retryAfter: string | null };

async function attemptOnce<T>(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined): Promise<Outcome<T>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: combined, redirect: 'error' });
    text = await res.text();
  } catch (cause) {
    // The caller's own abort is not a fault to retry: hand it back as it is.
    if (signal?.aborted) throw signal.reason;
    const timedOut = timeout.aborted;
    return {
      ok: false,
      error: new TokenframeConnectionError(timedOut ? 'timed out' : 'network error', { timedOut, attempts: 1, cause }),
      retryAfter: null,
    };
  }
  const parsed = parseJson(text);
  if (res.ok && parsed.ok) return { ok: true, result: { status: res.status, body: parsed.value as T } };
  // A 2xx that is not JSON came from something in front of the vault: a server fault, retried.
  const error = apiErrorFrom(res.ok ? 502 : res.status, parsed.ok ? parsed.value : undefined, res.headers.get('x-request-id'));
  return { ok: false, error, retryAfter: res.headers.get('retry-after') };
}

/** The connection error gets its final message here, once the number of attempts is known. */
function finalError(error: TokenframeApiError | TokenframeConnectionError, attempts: number, vaultUrl: string): Error {
  if (!(error instanceof TokenframeConnectionError)) return error;
  const what = error.timedOut ? 'did not answer in time' : 'could not be reached';
  const tries = attempts === 1 ? 'once' : `${attempts} times`;
  return new TokenframeConnectionError(
    `The vault at ${vaultUrl} ${what} (tried ${tries}). Check vaultUrl and that the vault is running; ` +
      'the call may have run: retry it with the same idempotencyKey to get its result instead of a second one.',
    { timedOut: error.timedOut, attempts, cause: error.cause },
  );
}

function idempotencyKey(given: string | undefined): string {
  if (given === undefined) return randomUUID();
  if (!PRINTABLE_ASCII.test(given))
    throw new TypeError('idempotencyKey must be 1–255 printable ASCII characters without spaces, e.g. a UUID or your order id.');
  return given;
}

function urlOf(base: string, spec: CallSpec): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) params.set(k, String(v));
  const query = params.size ? `?${params}` : '';
  return `${base}${spec.path}${query}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(t);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

const USER_AGENT = `tokenframe-node/0.1.0 node/${process.versions.node}`;
