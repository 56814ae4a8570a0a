// Card numbers the specs type, and what must never be seen outside the frames: the digits between
// a card's BIN and its last four (DESIGN.md, "Vault": the secret-key side may see BIN and last4).
import { TEST_CARDS, bin, last4 } from '@tokenframe/card';

export { TEST_CARDS };
export const SUCCESS_CARDS = TEST_CARDS.filter((c) => c.outcome === 'success');
/**
 * Test cards that tokenize but that the processor simulator does not approve in full when the demo
 * charges them (its sandbox cards), with what the demo tells the shopper.
 */
export const PROCESSOR_DECLINED: ReadonlyMap<string, string> = new Map([
  [
    '4387750101010101',
    'Your card was approved for less than the total, so the payment was cancelled. You have not been charged — please try another card.',
  ],
  ['4999006200620062', 'Your bank could not be reached. You have not been charged — please try again in a moment.'],
]);
export const cardFor = (outcome: 'processing_error' | 'rate_limited'): string => TEST_CARDS.find((c) => c.outcome === outcome)!.number;

export const VISA = '4242424242424242';
export const MASTERCARD = '5555555555554444';
/** Luhn-invalid: one digit off 4242…4242. */
export const INVALID_NUMBER = '4242424242424241';
/** Valid, but not a test card: a test key refuses it (live_card_in_test_mode). */
export const NON_TEST_CARD = '4012888888881881';

const ALL_TYPED = [...TEST_CARDS.map((c) => c.number), INVALID_NUMBER, NON_TEST_CARD];

/**
 * Strings that would prove a leak of a card's middle digits. The middle digits alone are too
 * short to search for (4 digits of a 16-digit card), so each is searched with its context: the
 * number without its last four, and the number without its BIN. A string that equals what may be
 * shown (the BIN, e.g. 42424242 for 4242 4242 4242 4242, or the last four) is dropped.
 */
export function leakNeedles(pan: string): string[] {
  const allowed = [bin(pan), last4(pan)];
  const candidates = [pan.slice(0, -4), pan.slice(bin(pan).length)];
  return candidates.filter((c) => !allowed.some((a) => a.includes(c)));
}

export const ALL_NEEDLES: readonly string[] = [...new Set(ALL_TYPED.flatMap(leakNeedles))];

/** The first documented American Express test card (4-6-5 grouping, 4-digit CVC). */
export const AMEX = SUCCESS_CARDS.find((c) => c.brand === 'amex')!.number;
