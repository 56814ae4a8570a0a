import type { ProxyResponse, RequestOptions } from '../types.js';
import type { VaultRequest } from '../vault-request.js';
import { pathId } from './path-id.js';

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `POST /v1/proxy/:connection/<path>` (`proxy:invoke`): the vault fills `{{ tok_… | pan }}` and the
 * other placeholders in `body`, sends it to the connection's processor with its credentials, and
 * gives back the processor's status and body with card numbers masked. For processor calls the
 * charges API does not cover.
 */
export class ProcessorProxy {
  readonly #request: VaultRequest;
  constructor(request: VaultRequest) {
    this.#request = request;
  }

  async request<T = unknown>(
    connection: string,
    path: string,
    body: Record<string, unknown>,
    opts?: RequestOptions,
  ): Promise<ProxyResponse<T>> {
    const segments = path.replace(/^\/+/, '').split('/');
    if (!segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) {
      throw new TypeError(
        'path must be a relative processor path such as "cardconnect/rest/auth": letters, digits and ._~- between slashes, no query.',
      );
    }
    const res = await this.#request<unknown>(
      { method: 'POST', path: `/v1/proxy/${pathId(connection, 'conn_', 'connection')}/${segments.join('/')}`, body },
      opts,
    );
    return proxyResponse<T>(res.status, res.body);
  }
}

/** The vault wraps the processor's answer as `{status, body}`; a bare body is the processor's 2xx. */
function proxyResponse<T>(status: number, body: unknown): ProxyResponse<T> {
  if (typeof body === 'object' && body !== null && 'status' in body && 'body' in body && typeof body.status === 'number') {
    return { status: body.status, body: body.body as T };
  }
  return { status, body: body as T };
}
