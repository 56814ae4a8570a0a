import type { TokenframeErrorShape } from '@tokenframe/sdk';
import type { OutcomeId } from './demo-order';

/** What the shop's backend answers about the charge it made (apps/demo/src/charge-token.ts). */
export interface PaidCharge {
  id: string;
  status: string;
  amount: number;
  currency: string;
  brand: string;
  last4: string;
  /** Co-badged cards only: the network the shopper chose (what the charge routes on). */
  network?: string;
  authcode: string;
  retref: string;
}

type PayError = Pick<TokenframeErrorShape, 'type' | 'code' | 'message'>;

/**
 * Sends the token to the shop's backend (the demo backend, through the Vite proxy), which charges it
 * through the vault. Its error messages are worded for the shopper (a decline names its reason).
 */
export async function payWithToken(token: string, outcome: OutcomeId): Promise<{ charge: PaidCharge } | { error: PayError }> {
  try {
    const res = await fetch('/api/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, outcome }),
    });
    const body = (await res.json().catch(() => ({}))) as { charge?: PaidCharge; error?: { code?: string; message?: string } };
    if (res.ok && body.charge) return { charge: body.charge };
    const code = (body.error?.code ?? 'internal_error') as PayError['code'];
    return { error: { type: 'card_error', code, message: body.error?.message ?? `HTTP ${res.status}` } };
  } catch {
    return { error: { type: 'network_error', code: 'network_error', message: 'The shop backend did not answer.' } };
  }
}
