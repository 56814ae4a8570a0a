import type { RequestOptions, WebhookEndpoint, WebhookEndpointCreateParams, WebhookEndpointWithSecret } from '../types.js';
import type { VaultRequest } from '../vault-request.js';
import { pathId } from './path-id.js';

/** Where the vault sends events (`webhooks:write`, list with `webhooks:read`). */
export class WebhookEndpoints {
  readonly #request: VaultRequest;
  constructor(request: VaultRequest) {
    this.#request = request;
  }

  /**
   * `POST /v1/webhook_endpoints`: the answer holds the `whsec_…` secret, shown this once. The vault
   * never stores the secret for replay, so if this answer is lost the retry gets `409
   * replayed_request`: find the endpoint with `list()` and `rotateSecret` it to get a secret.
   */
  async create(params: WebhookEndpointCreateParams, opts?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return (await this.#request<WebhookEndpointWithSecret>({ method: 'POST', path: '/v1/webhook_endpoints', body: params }, opts)).body;
  }

  /** `GET /v1/webhook_endpoints`. */
  async list(opts?: RequestOptions): Promise<WebhookEndpoint[]> {
    const { body } = await this.#request<{ data?: WebhookEndpoint[] }>({ method: 'GET', path: '/v1/webhook_endpoints' }, opts);
    return Array.isArray(body.data) ? body.data : [];
  }

  /** `GET /v1/webhook_endpoints/:id` (no secret). */
  async retrieve(id: string, opts?: RequestOptions): Promise<WebhookEndpoint> {
    return (await this.#request<WebhookEndpoint>({ method: 'GET', path: `/v1/webhook_endpoints/${pathId(id, 'we_', 'id')}` }, opts)).body;
  }

  /** `DELETE /v1/webhook_endpoints/:id`. */
  async delete(id: string, opts?: RequestOptions): Promise<{ id: string; deleted: true }> {
    return (
      await this.#request<{ id: string; deleted: true }>(
        { method: 'DELETE', path: `/v1/webhook_endpoints/${pathId(id, 'we_', 'id')}` },
        opts,
      )
    ).body;
  }

  /** `POST /v1/webhook_endpoints/:id/rotate_secret`: a new secret; the old one keeps signing for 24 h. */
  async rotateSecret(id: string, opts?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    const path = `/v1/webhook_endpoints/${pathId(id, 'we_', 'id')}/rotate_secret`;
    return (await this.#request<WebhookEndpointWithSecret>({ method: 'POST', path, body: {} }, opts)).body;
  }
}
