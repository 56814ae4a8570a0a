import { bin, isTestCard, last4, validateNumber } from '@tokenframe/card';
import { fingerprint, sealField } from '@tokenframe/crypto/at-rest';
import { openJwe } from '@tokenframe/crypto/open';
import { randomId } from '../auth/api-key';
import { canonicalOrigin } from '../auth/canonical-origin';
import type { SlotRead } from '../cvc/cvc-key-generations';
import type { TokenRecord } from '../stores/records';
import { checkCard } from './check-card';
import type { SealedClaims } from '@tokenframe/protocol';
import { parseClaims } from './parse-claims';
import { sessionVerdict } from './session-rule';
import type { TokenizeInput, TokenServiceOptions } from './token-service';
import { replayed, sessionError } from './tokenize-errors';
import { isVaultError, vaultError, type VaultError } from './vault-error';

/** A tokenization that passed every check, ready to commit. */
export interface Decided {
  token: TokenRecord;
  sid: string;
  jti: string;
  /** When the session that made it ends: the stored response is replayed until then only. */
  sessionExpiresAt: number;
  /** The guard already claimed the jti in Redis (the scripted fast path): the commit must not claim it again. */
  jtiClaimed: boolean;
}

/** Every check of DESIGN.md "Tokenize", in its order, then the sealed record. */
export async function decideTokenization(o: TokenServiceOptions, now: number, input: TokenizeInput): Promise<Decided | VaultError> {
  const { store, secrets, keys } = o;
  const ip = input.clientIp ?? 'unknown';
  const early = await o.guard?.beforeOpen({ key: input.key, ip });
  if (early) return early;
  let opened = openJwe(input.jwe, (kid) => secrets.privateKeyFor(kid));
  if (!opened.ok && opened.code === 'unknown_kid') {
    await secrets.reloadKeyring(now, 5_000); // a rotation by another process
    opened = openJwe(input.jwe, (kid) => secrets.privateKeyFor(kid));
  }
  if (!opened.ok) {
    return opened.code === 'unknown_kid'
      ? vaultError(400, 'unknown_kid', 'The JWE is sealed to a key this vault does not publish. Fetch /v1/jwks again and reseal.', 'jwe')
      : vaultError(400, 'invalid_jwe', 'The JWE could not be opened.', 'jwe');
  }
  const parsed = parseClaims(opened.claims);
  if (!parsed.ok)
    return vaultError(400, 'malformed_request', `The sealed claims do not match the schema (claim "${parsed.claim}").`, 'jwe');
  const c = parsed.claims;
  if (c.pk !== input.presentedKey) return vaultError(400, 'key_mismatch', 'The JWE was sealed for another publishable key.', 'jwe');
  const origin = canonicalOrigin(c.origin);
  if (!origin || !(await keys.originAllowed(input.key, origin))) {
    return vaultError(403, 'origin_not_allowed', 'The page origin in the JWE is not allowed for this key.', 'origin');
  }
  if (c.aud !== o.apiOrigin) return vaultError(400, 'audience_mismatch', 'The JWE was sealed for another vault.', 'jwe');
  const session = await store.sessions.find(c.sid);
  const verdict = sessionVerdict(session, input.key.id, now);
  if (verdict === 'session_expired') return sessionError(verdict);
  if (session!.origin !== origin) return vaultError(403, 'origin_not_allowed', 'The session was opened for another origin.', 'origin');
  if (verdict !== 'ok') return sessionError(verdict);
  const fp = fingerprint(secrets.fingerprintSecret, input.key.accountId, c.pan);
  const seen = {
    key: input.key,
    ip,
    sid: c.sid,
    bin: bin(c.pan),
    last4: last4(c.pan),
    fingerprint: fp,
    luhnValid: validateNumber(c.pan).isValid,
    testCard: isTestCard(c.pan),
  };
  if (o.guard?.afterOpenClaiming) {
    // Redis: the limits, the replay check and the jti claim in one round trip (the database stays
    // the replay authority inside the commit). Whatever stops the request after this gives the jti back.
    // The CVC key generation's slot is read in the same round trip.
    const slotKey = c.cvc === undefined ? undefined : o.cvc.slotKeyAt(now);
    const late = await o.guard.afterOpenClaiming(seen, c.jti, slotKey);
    if (late === 'replayed') return replayed();
    if (isVaultError(late)) return late;
    try {
      const sealed = await sealRecord(o, now, input, c, fp, session!.expiresAt, {
        ...(slotKey === undefined ? {} : { slot: { slotKey, wrapped: late.read } }),
      });
      if (isVaultError(sealed)) await o.replay?.release(c.jti);
      return sealed;
    } catch (e) {
      await o.replay?.release(c.jti);
      throw e;
    }
  }
  if (await (o.replay?.seen(c.jti, store) ?? store.sessions.isJtiSeen(c.jti))) return replayed();
  const late = await o.guard?.afterOpen(seen);
  if (late) return late;
  return sealRecord(o, now, input, c, fp, session!.expiresAt);
}

/** The card checks (after the limits: a refused card still spends them) and the sealed record. */
async function sealRecord(
  o: TokenServiceOptions,
  now: number,
  input: TokenizeInput,
  c: SealedClaims,
  fp: string,
  sessionExpiresAt: number,
  claimed?: { slot?: SlotRead },
): Promise<Decided | VaultError> {
  const { secrets } = o;
  const card = checkCard(c, input.key.env, now);
  if (isVaultError(card)) return card;

  const id = randomId('tok', 18);
  const aad = (field: string) => ({ account: input.key.accountId, token: id, field });
  const cvc = o.cvc;
  const seal = (field: string, value: string | undefined) => (value === undefined ? null : sealField(secrets.dataKek, value, aad(field)));
  const token: TokenRecord = {
    id,
    accountId: input.key.accountId,
    keyId: input.key.id,
    livemode: input.key.env === 'live',
    brand: card.brand,
    bin: bin(c.pan),
    last4: last4(c.pan),
    expMonth: c.expMonth,
    expYear: c.expYear,
    fingerprint: fp,
    panEnc: sealField(secrets.dataKek, c.pan, aad('pan')),
    cvcEnc: c.cvc === undefined ? null : await cvc.seal(c.cvc, aad('cvc'), now, claimed?.slot),
    cvcExpiresAt: c.cvc === undefined ? null : now + cvc.ttlMs,
    nameEnc: seal('name', c.name),
    postalEnc: seal('postal', c.postal),
    network: c.network ?? null,
    createdAt: now,
    expiresAt: now + o.tokenTtlMs,
  };
  return { token, sid: c.sid, jti: c.jti, sessionExpiresAt, jtiClaimed: claimed !== undefined };
}
