/**
 * Co-badged cards (EU IFR 2015/751, art. 8): which of a number's networks is selected. The shopper's
 * pick wins, then the merchant's `preferredNetwork`, then the card's first network (for Cartes
 * Bancaires, CB itself). Only a number with several networks has a choice; pure, no DOM.
 */
export function selectedNetwork(networks: readonly string[] | undefined, picked?: string, preferred?: string): string | undefined {
  if (!networks || networks.length < 2) return undefined;
  for (const n of [picked, preferred]) if (n !== undefined && networks.includes(n)) return n;
  return networks[0];
}

/** Network names as the schemes write them: proper names, the same in every locale. */
const NETWORK_NAMES: Record<string, string> = {
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

export function networkName(id: string): string {
  return NETWORK_NAMES[id] ?? id;
}
