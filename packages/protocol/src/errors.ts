/**
 * The closed set of error codes, each with whose fault it is:
 * - `card_error`: the shopper's input (shown to the shopper);
 * - `integration_error`: the merchant's integration (shown to the developer);
 * - `network_error`: the network between the browser and the vault;
 * - `rate_limit_error`: too many requests, retry later;
 * - `api_error`: Tokenframe itself.
 * The vault's HTTP errors use the same codes, plus `authentication_error` / `invalid_request_error`
 * types for requests a browser never makes on its own.
 */
export const ERROR_TYPES = [
  'card_error',
  'integration_error',
  'network_error',
  'rate_limit_error',
  'authentication_error',
  'invalid_request_error',
  'api_error',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export const ERROR_CODES = {
  // shopper input
  incomplete_number: 'card_error',
  invalid_number: 'card_error',
  incomplete_expiry: 'card_error',
  invalid_expiry: 'card_error',
  expired_card: 'card_error',
  incomplete_cvc: 'card_error',
  invalid_cvc: 'card_error',
  incomplete_name: 'card_error',
  incomplete_postal: 'card_error',
  invalid_postal: 'card_error',
  test_card_in_live_mode: 'card_error',
  live_card_in_test_mode: 'card_error',
  processing_error: 'card_error',
  card_declined: 'card_error',
  // merchant integration
  invalid_argument: 'integration_error',
  invalid_style: 'integration_error',
  unknown_key: 'integration_error',
  revoked_key: 'integration_error',
  origin_not_allowed: 'integration_error',
  incompatible_version: 'integration_error',
  not_mounted: 'integration_error',
  destroyed: 'integration_error',
  frame_blocked: 'integration_error',
  unsupported_environment: 'integration_error',
  // network / frames
  network_error: 'network_error',
  timeout: 'network_error',
  frame_load_timeout: 'network_error',
  frame_removed: 'network_error',
  frame_integrity: 'network_error',
  // rate limits
  rate_limited: 'rate_limit_error',
  // vault HTTP (requests a browser or backend makes)
  invalid_api_key: 'authentication_error',
  secret_key_in_browser: 'authentication_error',
  insufficient_scope: 'authentication_error',
  ip_not_allowed: 'authentication_error',
  malformed_request: 'invalid_request_error',
  unknown_kid: 'invalid_request_error',
  invalid_jwe: 'invalid_request_error',
  key_mismatch: 'invalid_request_error',
  session_expired: 'invalid_request_error',
  session_exhausted: 'invalid_request_error',
  replayed_request: 'invalid_request_error',
  idempotency_conflict: 'invalid_request_error',
  idempotency_in_flight: 'invalid_request_error',
  resource_missing: 'invalid_request_error',
  audience_mismatch: 'invalid_request_error',
  connection_missing: 'invalid_request_error',
  invalid_amount: 'invalid_request_error',
  invalid_currency: 'invalid_request_error',
  charge_invalid_state: 'invalid_request_error',
  invalid_proxy_expression: 'invalid_request_error',
  internal_error: 'api_error',
  service_unavailable: 'api_error',
  processor_error: 'api_error',
  processor_timeout: 'api_error',
} as const satisfies Record<string, ErrorType>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The error shape every public surface returns: `tokenize()` results, `loaderror`, vault JSON. */
export interface TokenframeErrorShape {
  type: ErrorType;
  code: ErrorCode;
  message: string;
  /** For card errors: which field. For vault errors: which parameter. */
  field?: string;
  docUrl?: string;
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, x);
}

export function errorTypeOf(code: ErrorCode): ErrorType {
  return ERROR_CODES[code];
}

/** The codes the page side (SDK and channel) creates on its own. */
export type PageErrorCode = Extract<
  ErrorCode,
  | 'invalid_argument'
  | 'unsupported_environment'
  | 'destroyed'
  | 'not_mounted'
  | 'incompatible_version'
  | 'unknown_key'
  | 'revoked_key'
  | 'origin_not_allowed'
  | 'timeout'
  | 'frame_load_timeout'
  | 'frame_removed'
  | 'frame_integrity'
  | 'internal_error'
>;

/**
 * The type of a code the page creates, without shipping ERROR_CODES to the merchant page (0.4 kB
 * of the 5 kB budget; packages/sdk/CONTRIBUTING.md, "Sizes"). A test checks it against ERROR_CODES.
 */
export function pageErrorType(code: PageErrorCode): ErrorType {
  return /^(timeout|frame_)/.test(code) ? 'network_error' : code === 'internal_error' ? 'api_error' : 'integration_error';
}
