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

export function shopperMessage(error: Pick<TokenframeErrorShape, 'type' | 'code' | 'message'>): string {
  if (error.type === 'card_error') return MESSAGES[error.code] ?? error.message;
  if (error.type === 'integration_error' || error.type === 'api_error') console.error(`Tokenframe ${error.code}: ${error.message}`);
  return MESSAGES[error.code] ?? FALLBACK;
}
