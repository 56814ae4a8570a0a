/**
 * Cartes Bancaires has no BIN range of its own: CB cards are issued on Visa or Mastercard BINs,
 * and the list of which BINs are CB is licensed by the GIE CB, not public. So Tokenframe ships
 * only the CB *test* BINs (8 digits, the ones of Stripe's published CB test cards) and reports
 * those numbers as co-badged. A production deployment that must offer CB routing plugs in the
 * BIN list from its acquirer here.
 */
export const CARTES_BANCAIRES_BINS: readonly { bin: string; network: 'visa' | 'mastercard' }[] = [
  { bin: '40000025', network: 'visa' },
  { bin: '55555525', network: 'mastercard' },
];
