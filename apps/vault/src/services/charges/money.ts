/**
 * Currencies a charge may use, with their minor-unit exponent (ISO 4217). The processor decides
 * which of them a merchant account accepts (the simulator: USD unless configured).
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  MXN: 2,
  BRL: 2,
  SGD: 2,
  HKD: 2,
  JPY: 0,
  KRW: 0,
};

export const isCurrency = (c: string): boolean => Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, c);

/** Minor units → the dialect's decimal string ("1000" USD → "10.00"; JPY 500 → "500"). */
export function toDecimal(minor: number, currency: string): string {
  const exp = CURRENCY_EXPONENTS[currency] ?? 2;
  if (exp === 0) return String(minor);
  const s = String(minor).padStart(exp + 1, '0');
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

/** The processor's decimal (or implied-decimal) answer → minor units; undefined when it is not a number. */
export function fromDecimal(text: string | undefined, currency: string): number | undefined {
  if (text === undefined || !/^\d{1,15}(\.\d{1,4})?$/.test(text)) return undefined;
  const exp = CURRENCY_EXPONENTS[currency] ?? 2;
  if (!text.includes('.')) return Number(text) * 10 ** exp;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 10 ** exp + Number(frac.padEnd(exp, '0').slice(0, exp) || '0');
}
