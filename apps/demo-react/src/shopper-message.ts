import type { TokenframeErrorShape } from '@tokenframe/sdk';

// What the shopper reads for each error code; developer-facing messages go to the console.
const MESSAGES: Record<string, string> = {
  processing_error: 'Your card could not be processed. You have not been charged — please try another card.',
  rate_limited: 'Too many attempts in a short time. Please wait a minute and try again.',
  network_error: 'We could not reach the payment service. Check your connection and try again.',
  timeout: 'The payment service took too long to answer. Please try again.',
  frame_load_timeout: 'The card form did not load. Check your connection and reload the page.',
  test_card_in_live_mode: 'This is a test card. Please use a real card.',
  live_card_in_test_mode: 'This shop is in test mode: please use one of the test cards.',
};
const FALLBACK = 'Payment is unavailable right now. Please try again in a few minutes.';
const FIX_FIELDS = 'Please check the card details above.';

export function shopperMessage(error: Pick<TokenframeErrorShape, 'type' | 'code' | 'message'>): string {
  if (error.type === 'card_error') return MESSAGES[error.code] ?? error.message;
  if (error.type === 'integration_error' || error.type === 'api_error') console.error(`Tokenframe ${error.code}: ${error.message}`);
  return MESSAGES[error.code] ?? FALLBACK;
}

/**
 * For an error that names a field. The field's own checks already show their message under it, so
 * point there; a refusal by the vault (e.g. a real card on a test key) shows nothing there: say why.
 */
export function fieldErrorMessage(error: Pick<TokenframeErrorShape, 'code'>): string {
  return MESSAGES[error.code] ?? FIX_FIELDS;
}
