/** Reads `expiry` as the gateway takes it: MMYY, MMYYYY or YYYYMMDD. Undefined if it is none of those. */
export function readCardExpiry(expiry: string): { month: number; year: number } | undefined {
  let month: number;
  let year: number;
  if (/^\d{4}$/.test(expiry)) [month, year] = [Number(expiry.slice(0, 2)), 2000 + Number(expiry.slice(2))];
  else if (/^\d{6}$/.test(expiry)) [month, year] = [Number(expiry.slice(0, 2)), Number(expiry.slice(2))];
  else if (/^\d{8}$/.test(expiry)) [year, month] = [Number(expiry.slice(0, 4)), Number(expiry.slice(4, 6))];
  else return undefined;
  return month >= 1 && month <= 12 ? { month, year } : undefined;
}

/** A card is good through the last day of its expiry month (UTC). */
export function isExpired(expiry: { month: number; year: number }, now: Date): boolean {
  return expiry.year * 12 + expiry.month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}
