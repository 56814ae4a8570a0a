// The public surface of @tokenframe/node: an explicit list (STYLE.md §10).
export { Tokenframe } from './tokenframe.js';
export type { TokenframeOptions } from './tokenframe.js';
export { verifyWebhook } from './verify-webhook.js';
export type { VerifyOptions, WebhookHeaders } from './verify-webhook.js';
export {
  TokenframeApiError,
  TokenframeAuthenticationError,
  TokenframePermissionError,
  TokenframeInvalidRequestError,
  TokenframeConflictError,
  TokenframeRateLimitError,
  TokenframeServerError,
  TokenframeCardError,
} from './tokenframe-api-error.js';
export { TokenframeConnectionError } from './tokenframe-connection-error.js';
export { WebhookVerificationError } from './webhook-verification-error.js';
export type { WebhookVerificationReason } from './webhook-verification-error.js';
export type { Tokens } from './resources/tokens.js';
export type { Charges } from './resources/charges.js';
export type { ProcessorProxy } from './resources/processor-proxy.js';
export type { Events, EventList } from './resources/events.js';
export type { WebhookEndpoints } from './resources/webhook-endpoints.js';
export type {
  Token,
  RevealedToken,
  DeletedToken,
  Charge,
  ChargeStatus,
  ChargeCreateParams,
  ProxyResponse,
  VaultEvent,
  EventListParams,
  EventPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEndpointCreateParams,
  WebhookEvent,
  RequestOptions,
} from './types.js';
