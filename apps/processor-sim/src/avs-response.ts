/**
 * `avsresp` picked by the last three digits of the postal code (the sandbox does the same; the
 * table is the simulator's own): 111 → N (nothing matches), 222 → A (address only), 333 → Z
 * (postal code only), 444 → U (unavailable), 555 → R (retry), 666 → S (not supported), any
 * other → Y (address and postal code match). No postal code → "" (not checked).
 */
export function avsResponse(postal: string | undefined): string {
  if (postal === undefined || postal === '') return '';
  const last3 = postal.replace(/\D/g, '').slice(-3);
  return ({ '111': 'N', '222': 'A', '333': 'Z', '444': 'U', '555': 'R', '666': 'S' } as Record<string, string>)[last3] ?? 'Y';
}
