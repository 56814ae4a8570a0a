/**
 * The digits of a card number as typed or pasted: spaces and dashes are separators and are
 * dropped; anything else that is not an ASCII digit makes the input not a card number
 * (`undefined`). Stricter than `normalizeDigits`, for the functions that judge a number.
 */
export function panDigits(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d*$/.test(digits) ? digits : undefined;
}
