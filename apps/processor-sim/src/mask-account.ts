/** A card number as a log may show it: every digit but the last four replaced ("************1111"). */
export function maskAccount(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}
