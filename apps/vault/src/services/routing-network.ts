import type { TokenRecord } from '../stores/records';

/**
 * The network a charge on this token must be routed on, for the processor request (DESIGN.md,
 * "Co-badged cards"; EU IFR 2015/751 art. 8: the shopper's choice binds). `undefined` when the
 * shopper chose none (a single-network card, or a token made before migration 9): the processor
 * then routes on the brand as usual. The one place charges should read it from.
 */
export function routingNetwork(token: Pick<TokenRecord, 'network'>): string | undefined {
  return token.network ?? undefined;
}
