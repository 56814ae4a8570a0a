import { createHash } from 'node:crypto';
import type { VaultStore } from '../storage/vault-store';
import type { AppContext } from './app-env';
import { apiError, errorResponse, type ApiError } from './api-error';

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const IN_FLIGHT_STALE_MS = 60_000;

/**
 * `store`: the response is kept 24 h and a retry gets it back (`Idempotent-Replayed: true`).
 * `marker`: for responses that carry card data (reveal), which are never stored: only the fact
 * that the request ran is kept, and a retry with the same key gets 409 instead of a second reveal.
 */
export type IdempotencyMode = 'store' | 'marker';

const alreadyRan = (): ApiError =>
  apiError(409, 'replayed_request', 'A reveal already ran with this Idempotency-Key; its response holds card data and is never stored, so it cannot be replayed. Reveal again with a new Idempotency-Key (a CVC, if any, was deleted by the first reveal).', 'Idempotency-Key');

/**
 * The optional `Idempotency-Key` of a secret- or publishable-key POST/DELETE (docs/api.md
 * "Idempotency"). Requirements: scoped per API key; the same key with the same method, path and
 * body gets the first outcome; another request under the same key is 422; a duplicate while the
 * first runs is 409; outcomes a retry could change (429, 5xx) are not kept. Steps: claim the key,
 * run, then store the response (or the marker), or release the claim.
 */
export async function idempotent(c: AppContext, store: VaultStore, now: () => number, rawBody: string, mode: IdempotencyMode, run: () => Promise<Response>): Promise<Response> {
  const header = c.req.header('Idempotency-Key');
  if (header === undefined) return run();
  const requestId = c.get('requestId');
  if (!IDEMPOTENCY_KEY.test(header)) {
    return errorResponse(apiError(400, 'malformed_request', 'The Idempotency-Key header must be 1–255 printable ASCII characters (e.g. a UUID).', 'Idempotency-Key'), requestId);
  }
  const key = c.get('key');
  const scoped = `${key.id}:${header}`;
  const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${rawBody}`).digest('base64url');
  const begun = await store.beginIdempotent(key.accountId, scoped, hash, now(), IN_FLIGHT_STALE_MS);
  if (begun.kind === 'conflict') {
    return errorResponse(apiError(422, 'idempotency_conflict', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.', 'Idempotency-Key'), requestId);
  }
  if (begun.kind === 'in_flight') {
    return errorResponse(apiError(409, 'idempotency_in_flight', 'A request with this Idempotency-Key is still being processed. Retry shortly.', 'Idempotency-Key'), requestId);
  }
  if (begun.kind === 'stored') {
    const r = begun.response;
    if (r.isError) return errorResponse(JSON.parse(r.body) as ApiError, requestId);
    return new Response(r.body, { status: r.status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replayed': 'true' } });
  }
  let res: Response;
  try {
    res = await run();
  } catch (e) {
    await store.finishIdempotent(key.accountId, scoped, undefined);
    throw e;
  }
  if (res.status === 429 || res.status >= 500) {
    await store.finishIdempotent(key.accountId, scoped, undefined);
  } else if (mode === 'marker' && res.ok) {
    await store.finishIdempotent(key.accountId, scoped, { status: 409, body: JSON.stringify(alreadyRan()), isError: true });
  } else {
    await store.finishIdempotent(key.accountId, scoped, { status: res.status, body: await res.clone().text() });
  }
  return res;
}
