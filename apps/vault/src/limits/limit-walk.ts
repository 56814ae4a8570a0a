import type { LimitName } from '../config/limit-config';
import type { ApiKeyRecord } from '../stores/records';

export interface GuardContext {
  key: ApiKeyRecord;
  /** The client as per-client limits count it: an IPv4 address, or an IPv6 network (auth/client-net.ts). */
  ip: string;
}
/** What the guard learns after the JWE is opened: never the PAN, only BIN, last4, a keyed fingerprint and Luhn validity. */
export interface OpenedContext extends GuardContext {
  sid: string;
  bin: string;
  last4: string;
  fingerprint: string;
  luhnValid: boolean;
  /** One of the documented test cards (@tokenframe/card TEST_CARDS). */
  testCard: boolean;
}

export type Scope = 'bin' | 'ip' | 'bin_last4';

/**
 * One limit of a tokenization, in walk order. `count` spends a point; `peek` refuses when the window
 * is spent and spends nothing; `distinct` spends a point only for a card not yet seen in the window
 * and, when it refuses, records the card-testing event once per window.
 */
export type LimitStep =
  | { name: LimitName; kind: 'count' | 'peek'; id: string }
  | { name: LimitName; kind: 'distinct'; id: string; scope: Scope; shown: Record<string, string> };

/**
 * Before the JWE opens only `perIp` is spent (`perKey` is read, not spent): garbage from one
 * address cannot exhaust a merchant's key (docs/security.md, "Who spends whose budget").
 */
export function beforeOpenSteps({ key, ip }: GuardContext): LimitStep[] {
  return [
    { name: 'perIp', kind: 'count', id: `${key.id}:${ip}` },
    { name: 'perKey', kind: 'peek', id: key.id },
  ];
}

/**
 * After it opens, narrowest first; the walk stops at the first refusal, so a request refused per
 * client (IP, session) spends nothing of the card's, the BIN's or the key's budget. A documented
 * test card on a test key is exempt from the per-card and per-BIN limits: reusing 4242… is what a
 * sandbox is for, and a test key cannot tell a card tester anything (it refuses every other card
 * with the same 402). Per-key, per-IP and per-session limits still apply, and a non-test card on a
 * test key is still counted, so a leaked pk_test being probed is still seen. Distinct-card limits
 * count only Luhn-valid cards.
 */
export function afterOpenSteps(c: OpenedContext): LimitStep[] {
  const { key } = c;
  const session: LimitStep = { name: 'perSession', kind: 'count', id: c.sid };
  const perKey: LimitStep = { name: 'perKey', kind: 'count', id: key.id };
  if (key.env === 'test' && c.testCard) return [session, perKey];
  const mode = key.env;
  const distinct = (name: LimitName, scope: Scope, shown: Record<string, string>, id: string): LimitStep[] =>
    c.luhnValid ? [{ name, kind: 'distinct', id, scope, shown }] : [];
  return [
    session,
    ...distinct('distinctCardsPerIp', 'ip', { ip: c.ip }, `${key.id}:${c.ip}`),
    { name: 'perFingerprint', kind: 'count', id: `${key.accountId}:${c.fingerprint}` },
    ...distinct('distinctCardsPerBinLast4', 'bin_last4', { bin: c.bin, last4: c.last4 }, `${key.accountId}:${mode}:${c.bin}:${c.last4}`),
    { name: 'perBin', kind: 'count', id: `${key.id}:${c.bin}` },
    ...distinct('distinctCardsPerBin', 'bin', { bin: c.bin }, `${key.id}:${c.bin}`),
    perKey,
  ];
}
