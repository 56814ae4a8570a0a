/**
 * `cvvresp` as the sandbox picks it: CVV 112 → M (match), 111 → N (no match), 222 → P (not
 * processed), 333 → U (issuer not certified); any other CVV matches; no CVV is not processed.
 */
export function cvvResponse(cvv2: string | undefined): string {
  if (cvv2 === undefined || cvv2 === '') return 'P';
  return ({ '112': 'M', '111': 'N', '222': 'P', '333': 'U' } as Record<string, string>)[cvv2] ?? 'M';
}
