// The merchant backend's one call to the vault: look a token up with the secret key.
// This is the only place the secret key is used, and it never leaves this process.

export interface TokenLookup {
  brand: string;
  last4: string;
  expMonth?: number;
  expYear?: number;
}

export type LookupResult = { ok: true; card: TokenLookup } | { ok: false; status: number; code: string };

/** Token ids are opaque; this bounds what we forward into a URL path. */
export const TOKEN_ID = /^tok_[A-Za-z0-9_-]{8,120}$/;

export async function lookupToken(vaultUrl: string, secretKey: string, tokenId: string): Promise<LookupResult> {
  if (!TOKEN_ID.test(tokenId)) return { ok: false, status: 400, code: 'malformed_request' };
  let res: Response;
  try {
    res = await fetch(`${vaultUrl}/v1/tokens/${tokenId}`, {
      headers: { authorization: `Bearer ${secretKey}`, accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    return { ok: false, status: 502, code: 'network_error' };
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) {
    const code = (body?.error as { code?: unknown } | undefined)?.code;
    return { ok: false, status: res.status, code: typeof code === 'string' ? code : 'api_error' };
  }
  const card = (body?.card ?? body) as Record<string, unknown> | undefined;
  if (typeof card?.brand !== 'string' || typeof card.last4 !== 'string') return { ok: false, status: 502, code: 'api_error' };
  const month = typeof card.expMonth === 'number' ? card.expMonth : undefined;
  const year = typeof card.expYear === 'number' ? card.expYear : undefined;
  return { ok: true, card: { brand: card.brand, last4: card.last4, ...(month ? { expMonth: month } : {}), ...(year ? { expYear: year } : {}) } };
}
