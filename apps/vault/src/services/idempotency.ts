import { createHash } from 'node:crypto';
import type { StoredResponse } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { VaultError, vaultError, type VaultErrorData } from './vault-error';

/**
 * `store`: the response is kept 24 h and a retry gets it back (`replayed: true`).
 * `marker`: for responses that carry card data (reveal), which are never stored: only the fact
 * that the request ran is kept, and a retry with the same key gets 409 instead of a second reveal.
 */
export type IdempotencyMode = 'store' | 'marker';

/** One claimed Idempotency-Key: where a service that commits its own response (tokenize) writes it. */
export interface IdempotencyClaim {
  accountId: string;
  /** Scoped per API key (`key_…:<header>`): two keys of one account never share a stored response. */
  key: string;
  /** A one-way tag of the requesting client, for `StoredResponse.replayTo` (never the address itself). */
  clientTag: string;
}

export interface IdempotentRequest extends Omit<IdempotencyClaim, 'clientTag'> {
  /** What makes two requests "the same": method, path and the exact body bytes. */
  method: string;
  path: string;
  rawBody: string;
  mode: IdempotencyMode;
  /** The client as per-client limits count it (IPv4 address, IPv6 network). */
  client: string;
}

/** A success: `stored` when the service already wrote it under the claim, in its own transaction. */
export interface Outcome {
  status: number;
  body: unknown;
  stored?: boolean;
}
export interface Reply {
  status: number;
  /** The JSON text, identical for the first answer and every replay of it. */
  body: string;
  replayed: boolean;
}

const IN_FLIGHT_STALE_MS = 60_000;
/** Outcomes a retry could change are not stored under the Idempotency-Key. */
const retryable = (e: VaultError): boolean => e.status === 429 || e.status >= 500;
const alreadyRan = (): VaultError =>
  vaultError(
    409,
    'replayed_request',
    'A reveal already ran with this Idempotency-Key; its response holds card data and is never stored, so it cannot be replayed. Reveal again with a new Idempotency-Key (a CVC, if any, was deleted by the first reveal).',
    'Idempotency-Key',
  );
const storedError = (e: VaultError): StoredResponse => ({ status: e.status, body: JSON.stringify(e), isError: true });
const notYours = (): VaultError =>
  vaultError(
    409,
    'replayed_request',
    'This request already ran. Its response is returned only to the same client while the session that made it lasts; tokenize again with a new JWE and Idempotency-Key.',
    'Idempotency-Key',
  );

/**
 * The one Idempotency-Key path of every POST and DELETE (docs/api.md "Idempotency"). Requirements:
 * scoped per API key; the same key with the same method, path and body gets the first outcome;
 * another request under the same key is 422; a duplicate while the first runs is 409; outcomes a
 * retry could change (429, 5xx, exceptions) are not kept. Steps: claim the key, run, then store the
 * response (or the marker) unless the service stored it in its own transaction, or release the claim.
 */
export class Idempotency {
  readonly #store: VaultStores;
  readonly #now: () => number;

  constructor(store: VaultStores, now: () => number) {
    this.#store = store;
    this.#now = now;
  }

  async run(req: IdempotentRequest, fn: (claim: IdempotencyClaim) => Promise<Outcome>): Promise<Reply> {
    const hash = createHash('sha256').update(`${req.method} ${req.path}\n${req.rawBody}`).digest('base64url');
    const clientTag = createHash('sha256').update(`idempotency-client\n${req.accountId}\n${req.client}`).digest('base64url');
    const begun = await this.#store.idempotency.begin(req.accountId, req.key, hash, this.#now(), IN_FLIGHT_STALE_MS);
    if (begun.kind === 'conflict') {
      throw vaultError(
        422,
        'idempotency_conflict',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        'Idempotency-Key',
      );
    }
    if (begun.kind === 'in_flight') {
      throw vaultError(
        409,
        'idempotency_in_flight',
        'A request with this Idempotency-Key is still being processed. Retry shortly.',
        'Idempotency-Key',
      );
    }
    if (begun.kind === 'stored') {
      const r = begun.response;
      if (r.isError) throw VaultError.from(JSON.parse(r.body) as VaultErrorData);
      if (r.replayTo && (this.#now() >= r.replayTo.until || r.replayTo.client !== clientTag)) throw notYours();
      return { status: r.status, body: r.body, replayed: true };
    }
    const claim = { accountId: req.accountId, key: req.key, clientTag };
    let out: Outcome;
    try {
      out = await fn(claim);
    } catch (e) {
      const keep = e instanceof VaultError && !retryable(e) ? storedError(e) : undefined;
      await this.#store.idempotency.finish(req.accountId, req.key, keep);
      throw e;
    }
    const body = JSON.stringify(out.body);
    if (!out.stored) {
      const kept = req.mode === 'marker' ? storedError(alreadyRan()) : { status: out.status, body };
      await this.#store.idempotency.finish(req.accountId, req.key, kept);
    }
    return { status: out.status, body, replayed: false };
  }
}
