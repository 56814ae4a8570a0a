/**
 * Reads a CardPointe amount into minor units (cents). The gateway takes either a decimal
 * ("10.00", "10.5", "-3.00") or implied-decimal minor units ("1000" = $10.00). Undefined for
 * anything else ("1e3", "10.001", " 10", "").
 */
export function parseAmount(text: string): number | undefined {
  const decimal = /^(-?)(\d{1,12})\.(\d{1,2})$/.exec(text);
  if (decimal) {
    const [, sign, whole, frac] = decimal as unknown as [string, string, string, string];
    const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return sign ? -cents : cents;
  }
  if (/^-?\d{1,14}$/.test(text)) return Number(text) || 0;
  return undefined;
}
