// The JSON shapes the vault answers with (docs/api.md, DESIGN.md "Spending a token", "Webhooks").
// Declared here rather than imported so the published types stand alone; test/protocol-types.test.ts
// checks them against the protocol package's types (a devDependency, never a runtime one).

export type Livemode = boolean;

/** `GET /v1/tokens/:id`, and the answer of persist. */
export interface Token {
  id: string;
  card: { brand: string; bin: string; last4: string; expMonth: number; expYear: number; fingerprint: string; network?: string };
  createdAt: number;
  /** Epoch ms; `null` once persisted (card on file). */
  expiresAt: number | null;
  livemode: Livemode;
  cvcPresent: boolean;
}

/** `POST /v1/tokens/:id/reveal`: card data. Keep it in memory only, and only as long as needed. */
export interface RevealedToken {
  id: string;
  card: { number: string; expMonth: number; expYear: number; cvc?: string; name?: string; postal?: string };
}

export interface DeletedToken {
  id: string;
  deleted: true;
}

/**
 * `pending`: the processor's answer was lost and could not be settled yet (retry with the same
 * Idempotency-Key); `failed`: nothing was charged (the vault voided anything unclear).
 */
export type ChargeStatus = 'succeeded' | 'authorized' | 'declined' | 'pending' | 'voided' | 'failed' | (string & {});

/** `POST /v1/charges` and every charge answer (DESIGN.md "Spending a token"). */
export interface Charge {
  id: string;
  object: 'charge';
  livemode: Livemode;
  status: ChargeStatus;
  /** Minor units (cents), as asked. */
  amount: number;
  /** What the processor approved, captured and refunded so far (minor units). */
  amountAuthorized: number;
  amountCaptured: number;
  amountRefunded: number;
  /** Lower case ISO 4217, e.g. `usd`. */
  currency: string;
  captured: boolean;
  /** True once everything captured was refunded. */
  refunded: boolean;
  orderId: string | null;
  /** The token charged. */
  token: string;
  /** The processor connection used (`conn_…`). */
  connection: string;
  /** `network`: a co-badged card's chosen network (what the charge was routed on), only when there is one. */
  card: { brand: string; last4: string; network?: string };
  /** The processor's answer codes to the authorization ('' where it gave none). */
  processor: { name: string; authcode: string; retref: string; respcode: string; resptext: string; avsresp: string; cvvresp: string };
  /** Why a declined or failed charge is so, e.g. `card_declined`, `partial_approval`, `processor_timeout`. */
  failureCode: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ChargeCreateParams {
  token: string;
  /** Minor units, an integer (1999 = $19.99). */
  amount: number;
  currency: string;
  orderId?: string;
  /** Defaults to true; false only authorizes (capture later). */
  capture?: boolean;
  /** A connection id; without it the account's only connection for the key's mode is used. */
  connection?: string;
}

/** What `proxy.request` gives back: the processor's status and body, card numbers masked. */
export interface ProxyResponse<T = unknown> {
  status: number;
  body: T;
}

export interface VaultEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  createdAt: number;
  data: T;
}

export interface EventListParams {
  type?: string;
  /** Page size, 1–100 (the vault's default is 20). */
  limit?: number;
}

export interface EventPage {
  data: VaultEvent[];
  hasMore: boolean;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  description?: string;
  livemode?: boolean;
  /** `disabled` after a 410 from your endpoint (see `disabledReason`). */
  status?: 'enabled' | 'disabled';
  disabledReason?: string | null;
  createdAt?: number;
  [extra: string]: unknown;
}

/** The answer of create and rotateSecret: the only time the secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
  /** After rotateSecret: until when the previous secret keeps signing (epoch ms). */
  previousSecretExpiresAt?: number;
}

export interface WebhookEndpointCreateParams {
  url: string;
  events: string[];
  description?: string;
}

/** A delivered webhook, as `webhooks.verify` returns it once the signature checks out. */
export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  createdAt: number;
  livemode: boolean;
  /** Ids, brand, last4 and such: never card numbers, CVCs or fingerprints. */
  data: T;
}

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  /** Reused on every retry of this call; a random UUID when left out (POST and DELETE). */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
}
