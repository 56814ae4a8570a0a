import { bin, isTestCard, last4, validateNumber } from '@tokenframe/card';
import { fingerprint, sealField } from '@tokenframe/crypto/at-rest';
import { openJwe } from '@tokenframe/crypto/open';
import { randomId } from '../auth/api-key';
import { canonicalOrigin } from '../auth/canonical-origin';
import type { TokenRecord } from '../stores/records';
import { checkCard } from './check-card';
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
  if (!parsed.ok) return vaultError(400, 'malformed_request', `The sealed claims do not match the schema (claim "${parsed.claim}").`, 'jwe');
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
  if (await (o.replay?.seen(c.jti, store) ?? store.sessions.isJtiSeen(c.jti))) return replayed();
  const fp = fingerprint(secrets.fingerprintSecret, input.key.accountId, c.pan);
  const late = await o.guard?.afterOpen({ key: input.key, ip, sid: c.sid, bin: bin(c.pan), last4: last4(c.pan), fingerprint: fp, luhnValid: validateNumber(c.pan).isValid, testCard: isTestCard(c.pan) });
  if (late) return late;
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
    cvcEnc: c.cvc === undefined ? null : await cvc.seal(c.cvc, aad('cvc'), now),
    cvcExpiresAt: c.cvc === undefined ? null : now + cvc.ttlMs,
    nameEnc: seal('name', c.name),
    postalEnc: seal('postal', c.postal),
    network: c.network ?? null,
    createdAt: now,
    expiresAt: now + o.tokenTtlMs,
  };
  return { token, sid: c.sid, jti: c.jti, sessionExpiresAt: session!.expiresAt };
}
