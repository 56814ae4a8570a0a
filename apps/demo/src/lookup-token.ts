// The merchant backend's one call to the vault: look a token up with the secret key, through
// @tokenframe/node (Bearer header, timeout, retries, typed errors). The secret key lives in the
// client and never leaves this process.
import { TokenframeApiError, type Tokenframe } from '@tokenframe/node';

export interface TokenLookup {
  brand: string;
  last4: string;
  expMonth?: number;
  expYear?: number;
  /** A co-badged card's network the shopper chose in the field (e.g. `mastercard`): what a charge routes on. */
  network?: string;
}

export type LookupResult = { ok: true; card: TokenLookup } | { ok: false; status: number; code: string };

/** Token ids are opaque; this bounds what we forward into a URL path. */
export const TOKEN_ID = /^tok_[A-Za-z0-9_-]{8,120}$/;

export async function lookupToken(tf: Tokenframe, tokenId: string): Promise<LookupResult> {
  if (!TOKEN_ID.test(tokenId)) return { ok: false, status: 400, code: 'malformed_request' };
  try {
    const { card } = await tf.tokens.retrieve(tokenId);
    return { ok: true, card: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, ...(card.network === undefined ? {} : { network: card.network }) } };
  } catch (e) {
    if (e instanceof TokenframeApiError) return { ok: false, status: e.status, code: e.code };
    return { ok: false, status: 502, code: 'network_error' };
  }
}
