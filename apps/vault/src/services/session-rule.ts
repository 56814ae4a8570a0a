import type { SessionRecord } from '../stores/records';
import type { TokenCommitResult } from '../stores/tokens/token-commit';
import type { StoresTx } from '../stores/vault-stores';

export type SessionVerdict = 'ok' | 'session_expired' | 'session_exhausted';
export type SpendResult = SessionVerdict | 'replayed';

/**
 * The session rule, written once: a JWE is accepted only under a session that exists, belongs to
 * the key, is live by the vault's clock and has uses left. Checked before the expensive work
 * (TokenService's checks) and again, authoritatively, inside the commit transaction (spendSession).
 */
export function sessionVerdict(s: SessionRecord | undefined, keyId: string, now: number): SessionVerdict {
  if (!s || s.keyId !== keyId || s.expiresAt <= now) return 'session_expired';
  if (s.uses >= s.maxUses) return 'session_exhausted';
  return 'ok';
}

/**
 * Inside a transaction: the verdict on the locked session row, then the jti claimed (the
 * database is the replay authority; it is kept as long as the session lives) and one use counted.
 * Writes nothing unless it answers 'ok'.
 */
export async function spendSession(tx: StoresTx, a: { sid: string; keyId: string; jti: string; now: number }): Promise<SpendResult> {
  const s = await tx.sessions.findForUpdate(a.sid);
  const verdict = sessionVerdict(s, a.keyId, a.now);
  if (verdict !== 'ok') return verdict;
  if (!(await tx.sessions.claimJti(a.jti, s!.expiresAt))) return 'replayed';
  await tx.sessions.countUse(a.sid);
  return 'ok';
}

/** The verdict of a one-statement commit (VaultStores.commitToken), which wrote only if it is 'ok'. */
export function commitVerdict(r: TokenCommitResult, keyId: string, now: number): SpendResult {
  const verdict = sessionVerdict(r.session, keyId, now);
  if (verdict !== 'ok') return verdict;
  return r.claimed ? 'ok' : 'replayed';
}
