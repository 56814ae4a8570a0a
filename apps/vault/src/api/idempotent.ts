import type { Idempotency, IdempotencyClaim, IdempotencyMode, Outcome } from '../services/idempotency';
import { vaultError } from '../services/vault-error';
import { clientNet, type AppContext } from './app-env';
import { jsonResponse } from './api-error';

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The HTTP side of services/idempotency.ts: reads the `Idempotency-Key` header (optional unless
 * `required`), runs `run` under it, and answers the reply (a replay with `Idempotent-Replayed: true`).
 * Without a header the request simply runs. Errors are thrown (the API's onError renders them).
 */
export async function idempotent(
  c: AppContext,
  idempotency: Idempotency,
  o: { rawBody: string; mode: IdempotencyMode; required?: boolean; headers?: Record<string, string> },
  run: (claim: IdempotencyClaim | undefined) => Promise<Outcome>,
): Promise<Response> {
  const header = c.req.header('Idempotency-Key');
  const headers = o.headers ?? {};
  if (header === undefined && !o.required) {
    const out = await run(undefined);
    return jsonResponse(out.status, out.body, headers);
  }
  if (header === undefined || !IDEMPOTENCY_KEY.test(header)) {
    const message = o.required
      ? 'Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID).'
      : 'The Idempotency-Key header must be 1–255 printable ASCII characters (e.g. a UUID).';
    throw vaultError(400, 'malformed_request', message, 'Idempotency-Key');
  }
  const key = c.get('key');
  const reply = await idempotency.run(
    {
      accountId: key.accountId,
      key: `${key.id}:${header}`,
      method: c.req.method,
      path: c.req.path,
      rawBody: o.rawBody,
      mode: o.mode,
      client: clientNet(c),
    },
    run,
  );
  const replayed: Record<string, string> = reply.replayed ? { 'Idempotent-Replayed': 'true' } : {};
  return new Response(reply.body, {
    status: reply.status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers, ...replayed },
  });
}
