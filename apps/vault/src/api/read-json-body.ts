import { vaultError, type VaultError } from '../services/vault-error';

export const MAX_BODY_BYTES = 32 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface JsonBody {
  value: Record<string, unknown>;
  /** The exact bytes received, for the Idempotency-Key body comparison. */
  raw: string;
}

/**
 * Reads a request body under the vault's input rules: `application/json` only, at most 32 kB
 * (counted while streaming, whatever Content-Length claims), strict UTF-8, a plain JSON object
 * whose keys are all in `allowed` — so `__proto__`, `constructor` and typos are refused, not
 * ignored (`'any'`: the proxy, whose body is the processor's, not ours). `allowEmpty` accepts a missing body as `{}` (reveal, persist, delete).
 */
export async function readJsonBody(
  req: Request,
  allowed: readonly string[] | 'any',
  opts: { allowEmpty?: boolean } = {},
): Promise<JsonBody | VaultError> {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= MAX_BODY_BYTES)) return tooLarge();
  // With a Content-Length, HTTP framing bounds the body, so the server adapter's buffered fast path
  // is safe (and much cheaper than a web stream); without one (chunked), count while streaming.
  const bytes = declared !== null ? new Uint8Array(await req.arrayBuffer()) : await readLimited(req);
  if (bytes !== undefined && bytes.length > MAX_BODY_BYTES) return tooLarge();
  if (bytes === undefined) return tooLarge();
  if (bytes.length === 0 && opts.allowEmpty) return { value: {}, raw: '' };
  const type = (req.headers.get('content-type') ?? '').toLowerCase().replace(/\s+/g, '');
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') {
    return vaultError(415, 'malformed_request', 'Send the body as JSON with Content-Type: application/json.', 'Content-Type');
  }
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    return vaultError(400, 'malformed_request', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return vaultError(400, 'malformed_request', 'The request body must be a JSON object.');
  }
  for (const key of allowed === 'any' ? [] : Object.keys(value)) {
    if (!allowed.includes(key)) {
      return vaultError(
        400,
        'malformed_request',
        `Unknown field in the request body. Allowed fields: ${(allowed as readonly string[]).join(', ') || 'none'}.`,
      );
    }
  }
  return { value: value as Record<string, unknown>, raw: text };
}

function tooLarge(): VaultError {
  return vaultError(413, 'malformed_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

async function readLimited(req: Request): Promise<Uint8Array | undefined> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
