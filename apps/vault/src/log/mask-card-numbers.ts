const CANDIDATE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Masks every 13–19-digit Luhn-valid number (digits optionally grouped by spaces or dashes) to
 * `************4242`, and every JSON string value exactly equal to one of `secrets` (the CVCs just
 * sent) to `***`: what the processor echoes never carries card data back to the merchant.
 */
export function maskCardNumbers(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(CANDIDATE, (m) => {
    const digits = m.replace(/[ -]/g, '');
    return luhn(digits) ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : m;
  });
  for (const s of secrets) if (s) out = out.split(`"${s}"`).join('"***"');
  return out;
}
