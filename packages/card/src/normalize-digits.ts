const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Reduces user input to ASCII digits. Spaces, dashes, dots and any other non-digit are dropped,
 * so a pasted '4242-4242 4242.4242' works; digits from other scripts (full-width '４', Arabic-Indic
 * '٤', typed on some mobile keyboards) become their ASCII value.
 */
export function normalizeDigits(input: string): string {
  let out = '';
  for (const char of input) {
    if (char >= '0' && char <= '9') out += char;
    else if (DECIMAL_DIGIT.test(char)) out += String(decimalValue(char));
  }
  return out;
}

/**
 * Unicode lays out every decimal digit set (\p{Nd}) as contiguous runs of ten starting at zero,
 * so a digit's value is its distance from the start of its run, modulo 10.
 */
function decimalValue(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}
