/**
 * What the card rules know about one brand. A co-badged card (e.g. Cartes Bancaires on a Visa
 * BIN) has one `id` (the brand shown to the shopper) and every network it can route on in
 * `networks`, so the shopper or merchant can choose (EU IFR 2015/751, art. 8).
 */
export interface CardBrand {
  /** 'visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'maestro', 'mir', 'elo', 'hipercard', 'cartes_bancaires'. */
  id: string;
  /** Human name, e.g. 'American Express'. */
  name: string;
  /** Every valid PAN length for this brand, ascending. */
  lengths: number[];
  /** Digits in the security code: 3, or 4 for American Express. */
  cvcLength: number;
  /** Display gaps for the brand's main length: spaces go before these digit indexes. */
  gaps: number[];
  /** Whether a complete number must pass the Luhn (mod 10) check. */
  luhn: boolean;
  /** Every network the card can route on; one entry unless co-badged. */
  networks: string[];
}
