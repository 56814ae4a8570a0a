import { checkSecretKey } from './check-secret-key.js';
import { Charges } from './resources/charges.js';
import { Events } from './resources/events.js';
import { ProcessorProxy } from './resources/processor-proxy.js';
import { Tokens } from './resources/tokens.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { createVaultRequest } from './vault-request.js';
import { verifyWebhook } from './verify-webhook.js';

export interface TokenframeOptions {
  /** The vault's API origin, e.g. `https://vault.example.com` or `http://127.0.0.1:4000`. */
  vaultUrl: string;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The merchant server's client for the vault. The secret key is kept in a closure behind private
 * fields: it is sent only as `Authorization: Bearer` and never shows in an error, a log line,
 * `JSON.stringify(client)` or `util.inspect(client)`.
 */
export class Tokenframe {
  readonly tokens: Tokens;
  readonly charges: Charges;
  readonly proxy: ProcessorProxy;
  readonly events: Events;
  readonly webhookEndpoints: WebhookEndpoints;
  /** `tf.webhooks.verify(rawBody, headers, secret)`; also exported alone as `verifyWebhook`. */
  readonly webhooks = { verify: verifyWebhook } as const;
  readonly #vaultUrl: string;
  readonly #mode: 'test' | 'live';

  constructor(secretKey: string, options: TokenframeOptions) {
    this.#mode = checkSecretKey(secretKey);
    this.#vaultUrl = checkVaultUrl(options?.vaultUrl, this.#mode);
    const timeoutMs = options.timeoutMs ?? 30_000;
    const maxRetries = options.maxRetries ?? 2;
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError('timeoutMs must be a positive number of milliseconds.');
    if (!(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 10))
      throw new TypeError('maxRetries must be an integer from 0 to 10.');
    const request = createVaultRequest(secretKey, { vaultUrl: this.#vaultUrl, timeoutMs, maxRetries });
    this.tokens = new Tokens(request);
    this.charges = new Charges(request);
    this.proxy = new ProcessorProxy(request);
    this.events = new Events(request);
    this.webhookEndpoints = new WebhookEndpoints(request);
  }

  /** `'test'` or `'live'`, from the key's prefix. */
  get mode(): 'test' | 'live' {
    return this.#mode;
  }

  get vaultUrl(): string {
    return this.#vaultUrl;
  }

  toJSON(): { vaultUrl: string; mode: 'test' | 'live' } {
    return { vaultUrl: this.#vaultUrl, mode: this.#mode };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Tokenframe { vaultUrl: '${this.#vaultUrl}', mode: '${this.#mode}' }`;
  }
}

function checkVaultUrl(value: unknown, mode: 'test' | 'live'): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new TypeError(
      "options.vaultUrl must be the vault API's URL, e.g. https://vault.example.com (http://127.0.0.1:4000 for the local vault).",
    );
  }
  if (mode === 'live' && url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new TypeError("A live key is only sent over https: set vaultUrl to the vault's https:// URL.");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
