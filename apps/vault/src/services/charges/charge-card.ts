import { openField } from '@tokenframe/crypto/at-rest';
import type { TokenRecord } from '../../stores/records';
import type { AuthRequest } from './cardpointe-connector';
import type { ChargeDeps } from './charge-context';

/** The card an authorization sends: the token's sealed fields opened, with its CVC while it lives. */
export function openChargeCard(
  kekFor: ChargeDeps['secrets']['kekFor'],
  t: TokenRecord,
  openCvc: ChargeDeps['cvc']['open'],
  cvcKey: Awaited<ReturnType<ChargeDeps['cvc']['keyFor']>> | undefined,
  cvcEnv: string | undefined,
): AuthRequest['card'] {
  const open = (field: string, env: string | null) =>
    env === null ? undefined : openField(kekFor, env, { account: t.accountId, token: t.id, field });
  const cvc = cvcKey ? openCvc(cvcKey, cvcEnv, { account: t.accountId, token: t.id, field: 'cvc' }) : undefined;
  return {
    number: open('pan', t.panEnc)!,
    expiry: `${String(t.expMonth).padStart(2, '0')}${String(t.expYear % 100).padStart(2, '0')}`,
    cvc,
    name: open('name', t.nameEnc),
    postal: open('postal', t.postalEnc),
  };
}

export function cardExpired(t: TokenRecord, now: number): boolean {
  const d = new Date(now);
  return t.expYear < d.getUTCFullYear() || (t.expYear === d.getUTCFullYear() && t.expMonth < d.getUTCMonth() + 1);
}
