import type { StyleSpec } from '@tokenframe/sdk';

/**
 * The text inside the secure frames; the box around them is the page's own CSS (.input).
 */
export const FIELD_STYLE: StyleSpec = {
  base: {
    color: '#1f2328',
    fontSize: '16px',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    '::placeholder': { color: '#6b7280' },
  },
  invalid: { color: '#b42318' },
};

export const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
  mir: 'Mir',
  elo: 'Elo',
  hipercard: 'Hipercard',
  cartes_bancaires: 'Cartes Bancaires',
};
