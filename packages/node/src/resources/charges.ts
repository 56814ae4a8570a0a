import type { Charge, ChargeCreateParams, RequestOptions } from '../types.js';
import type { VaultRequest } from '../vault-request.js';
import { pathId } from './path-id.js';

/**
 * Charges the vault makes with the processor, so card data never reaches your server. A decline
 * throws `TokenframeCardError` (402 `card_declined`) with the declined charge as `error.charge`.
 * A processor failure (502 `processor_error`, 504 `processor_timeout`) throws `TokenframeServerError`
 * with the charge as `error.charge`. When the vault has already voided it (`failed`, `retryable:
 * false`) it is thrown at once: a repeat would only replay that answer, so create a new charge. When
 * the vault could not yet settle it (`pending`, `retryable: true`) it is retried with the same
 * Idempotency-Key: the vault resumes that charge instead of authorizing twice. Pass your own
 * `idempotencyKey` (e.g. the order id) to make a retry after a crash of your own process safe too.
 */
export class Charges {
  readonly #request: VaultRequest;
  constructor(request: VaultRequest) {
    this.#request = request;
  }

  /** `POST /v1/charges` (`charges:write`). `amount` in minor units; `capture` defaults to true. */
  async create(params: ChargeCreateParams, opts?: RequestOptions): Promise<Charge> {
    if (!Number.isSafeInteger(params.amount) || params.amount <= 0)
      throw new TypeError('amount must be a positive integer in minor units (1999 for 19.99).');
    pathId(params.token, 'tok_', 'token');
    return (await this.#request<Charge>({ method: 'POST', path: '/v1/charges', body: params }, opts)).body;
  }

  /** `GET /v1/charges/:id` (`charges:read`). */
  async retrieve(id: string, opts?: RequestOptions): Promise<Charge> {
    return (await this.#request<Charge>({ method: 'GET', path: `/v1/charges/${pathId(id, 'ch_', 'id')}` }, opts)).body;
  }

  /** `POST /v1/charges/:id/capture`: all of an authorized charge, or `amount` of it. */
  capture(id: string, params: { amount?: number } = {}, opts?: RequestOptions): Promise<Charge> {
    return this.#action(id, 'capture', params, opts);
  }

  /** `POST /v1/charges/:id/void`: cancel an authorization (or a capture not yet settled). */
  void(id: string, opts?: RequestOptions): Promise<Charge> {
    return this.#action(id, 'void', {}, opts);
  }

  /** `POST /v1/charges/:id/refund`: all of a settled charge, or `amount` of it. */
  refund(id: string, params: { amount?: number } = {}, opts?: RequestOptions): Promise<Charge> {
    return this.#action(id, 'refund', params, opts);
  }

  async #action(id: string, action: string, params: { amount?: number }, opts: RequestOptions | undefined): Promise<Charge> {
    if (params.amount !== undefined && (!Number.isSafeInteger(params.amount) || params.amount <= 0)) {
      throw new TypeError('amount must be a positive integer in minor units, or left out for the whole charge.');
    }
    const path = `/v1/charges/${pathId(id, 'ch_', 'id')}/${action}`;
    return (await this.#request<Charge>({ method: 'POST', path, body: params }, opts)).body;
  }
}
