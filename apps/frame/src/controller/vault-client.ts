/**
 * The controller's HTTP client for the vault API (the only network the frames make).
 *
 * Requirements (DESIGN.md, "Tokenize"): the API origin comes from the frames origin's own
 * configuration, never from a message; a network failure is retried (2 retries, backoff) with the
 * *same* body and Idempotency-Key, so the vault answers a retried tokenization with its stored
 * response; every response body is checked by a guard before use; errors become values.
 */
import { isSessionResponse, isTokenCreateResponse, isVaultErrorBody } from '@tokenframe/protocol';
import type { SessionResponse, TokenCreateResponse, TokenframeErrorShape } from '@tokenframe/protocol';
import type { SealPublicJwk } from '@tokenframe/crypto/seal';

/**
 * `param` is the vault's name for the parameter or sealed claim it refused (`number`, `exp`, `sid`,
 * …): the vault's vocabulary, not the page's, so it stays out of `error` until the controller
 * turns it into one of the mount's fields (fieldForParam).
 */
export type VaultResult<T> = { ok: true; value: T } | { ok: false; error: TokenframeErrorShape; param?: string };

export interface VaultClientOptions {
  api: string;
  pk: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const BACKOFF_MS = [300, 900];
const RETRY_STATUS = new Set([502, 503, 504]);

export class VaultClient {
  readonly #api: string;
  readonly #pk: string;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  #jwks: Promise<VaultResult<SealPublicJwk>> | undefined;

  constructor(o: VaultClientOptions) {
    this.#api = o.api;
    this.#pk = o.pk;
    this.#fetch = o.fetch ?? ((input, init) => fetch(input, init));
    this.#sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  createSession(origin: string): Promise<VaultResult<SessionResponse>> {
    return this.#send('/v1/sessions', { origin }, undefined, isSessionResponse);
  }

  createToken(jwe: string, idempotencyKey: string): Promise<VaultResult<TokenCreateResponse>> {
    return this.#send('/v1/tokens', { jwe }, idempotencyKey, isTokenCreateResponse);
  }

  /** The current sealing key; cached, `refresh` refetches (once per unknown_kid, by the caller). */
  encryptionKey(refresh = false): Promise<VaultResult<SealPublicJwk>> {
    if (refresh || !this.#jwks) {
      this.#jwks = this.#request('GET', '/v1/jwks').then((r) => (r.ok ? pickKey(r.value.body) : r));
      // A failed fetch is not cached: the next tokenize asks again.
      void this.#jwks.then((r) => !r.ok && (this.#jwks = undefined));
    }
    return this.#jwks;
  }

  async #send<T>(path: string, body: object, idempotencyKey: string | undefined, guard: (x: unknown) => x is T): Promise<VaultResult<T>> {
    const r = await this.#request('POST', path, JSON.stringify(body), idempotencyKey);
    if (!r.ok) return r;
    const { status, body: json } = r.value;
    if (status >= 200 && status < 300 && guard(json)) return { ok: true, value: json };
    if (isVaultErrorBody(json)) {
      const { type, code, message, param } = json.error;
      return { ok: false, error: { type, code, message }, ...(param !== undefined ? { param } : {}) };
    }
    return {
      ok: false,
      error: { type: 'api_error', code: 'internal_error', message: `The vault answered ${status} with an unexpected body.` },
    };
  }

  async #request(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
    idempotencyKey?: string,
  ): Promise<VaultResult<{ status: number; body: unknown }>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method === 'POST') {
      headers['Authorization'] = `Bearer ${this.#pk}`;
      headers['Content-Type'] = 'application/json';
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    }
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= BACKOFF_MS.length;
      try {
        const res = await this.#fetch(`${this.#api}${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
        if (!RETRY_STATUS.has(res.status) || last)
          return { ok: true, value: { status: res.status, body: await res.json().catch(() => undefined) } };
      } catch {
        if (last)
          return {
            ok: false,
            error: {
              type: 'network_error',
              code: 'network_error',
              message: 'Could not reach the card vault. Check the connection and try again.',
            },
          };
      }
      await this.#sleep(BACKOFF_MS[attempt] ?? 0);
    }
  }
}

function pickKey(body: unknown): VaultResult<SealPublicJwk> {
  const keys = typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined;
  for (const k of Array.isArray(keys) ? keys : []) {
    if (typeof k !== 'object' || k === null) continue;
    const { kty, crv, x, y, kid } = k as Record<string, unknown>;
    if (kty === 'EC' && crv === 'P-256' && typeof x === 'string' && typeof y === 'string' && typeof kid === 'string' && kid.length <= 128) {
      return { ok: true, value: { kty, crv, x, y, kid } };
    }
  }
  return { ok: false, error: { type: 'api_error', code: 'internal_error', message: 'The vault published no usable encryption key.' } };
}
