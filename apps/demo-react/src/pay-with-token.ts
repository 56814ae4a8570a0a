import type { TokenframeErrorShape } from '@tokenframe/sdk';

export interface ConfirmedCard {
  brand: string;
  last4: string;
  /** Co-badged cards only: the network the shopper chose (what the charge routes on). */
  network?: string;
}

/** Sends the token to the shop's backend (the demo backend, through the Vite proxy), which looks it up with the secret key. */
export async function payWithToken(token: string): Promise<{ card: ConfirmedCard } | { error: Pick<TokenframeErrorShape, 'type' | 'code' | 'message'> }> {
  try {
    const res = await fetch('/api/pay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const body = (await res.json().catch(() => ({}))) as { card?: ConfirmedCard; error?: { code?: string; message?: string } };
    if (res.ok && body.card) return { card: body.card };
    return { error: { type: 'api_error', code: 'internal_error', message: body.error?.message ?? `HTTP ${res.status}` } };
  } catch {
    return { error: { type: 'network_error', code: 'network_error', message: 'The shop backend did not answer.' } };
  }
}
