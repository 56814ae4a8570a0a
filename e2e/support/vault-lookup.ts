// What the merchant's backend does with a token: look it up (and, with the operator-granted
// tokens:reveal scope, reveal it) with the secret key, from Node — never from the browser.
import { e2eEnv } from './e2e-env';

export interface TokenLookup {
  card: { brand: string; bin: string; last4: string; expMonth: number; expYear: number };
}
export interface TokenReveal {
  card: { number: string; expMonth: number; expYear: number; name?: string; postal?: string };
}

async function call<T>(method: 'GET' | 'POST', path: string, secretKey: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e2eEnv().urls.vault}${path}`, { method, headers: { authorization: `Bearer ${secretKey}` } });
  return { status: res.status, body: (await res.json()) as T };
}

export const lookupToken = (token: string, secretKey = e2eEnv().demo.secretKey) =>
  call<TokenLookup>('GET', `/v1/tokens/${token}`, secretKey);
export const revealToken = (token: string, secretKey = e2eEnv().demo.secretKey) =>
  call<TokenReveal>('POST', `/v1/tokens/${token}/reveal`, secretKey);
