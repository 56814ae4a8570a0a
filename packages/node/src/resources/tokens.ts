import type { DeletedToken, RequestOptions, RevealedToken, Token } from '../types.js';
import type { VaultRequest } from '../vault-request.js';
import { pathId } from './path-id.js';

/** Tokens made by the browser fields: read, keep (card on file), delete, reveal (operator-granted scope). */
export class Tokens {
  readonly #request: VaultRequest;
  constructor(request: VaultRequest) {
    this.#request = request;
  }

  /** `GET /v1/tokens/:id` (`tokens:read`): brand, BIN, last4, expiry, fingerprint. Never card data. */
  async retrieve(id: string, opts?: RequestOptions): Promise<Token> {
    return (await this.#request<Token>({ method: 'GET', path: `/v1/tokens/${pathId(id, 'tok_', 'id')}` }, opts)).body;
  }

  /** `POST /v1/tokens/:id/persist` (`tokens:persist`): the token no longer expires. */
  async persist(id: string, opts?: RequestOptions): Promise<Token> {
    return (await this.#request<Token>({ method: 'POST', path: `/v1/tokens/${pathId(id, 'tok_', 'id')}/persist`, body: {} }, opts)).body;
  }

  /** `DELETE /v1/tokens/:id` (`tokens:delete`). A retried delete gets the stored 200, not a 404. */
  async delete(id: string, opts?: RequestOptions): Promise<DeletedToken> {
    return (await this.#request<DeletedToken>({ method: 'DELETE', path: `/v1/tokens/${pathId(id, 'tok_', 'id')}` }, opts)).body;
  }

  /**
   * `POST /v1/tokens/:id/reveal` (`tokens:reveal`, granted by the operator only): the card itself,
   * which puts your server in PCI scope. The CVC comes back once. A reveal is never stored for
   * replay, so if its answer is lost a retry gets `409 replayed_request`: reveal again with a new key.
   */
  async reveal(id: string, opts?: RequestOptions): Promise<RevealedToken> {
    return (await this.#request<RevealedToken>({ method: 'POST', path: `/v1/tokens/${pathId(id, 'tok_', 'id')}/reveal`, body: {} }, opts))
      .body;
  }
}
