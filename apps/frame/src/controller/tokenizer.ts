/**
 * One mount's tokenization: session → claims → seal → POST /v1/tokens → `{token, card}` or `{error}`.
 *
 * Requirements (DESIGN.md, "Tokenize"): a session is opened ahead (once the mount is idle) and
 * renewed when it expired or was used up (by the *vault's* clock: the shopper's may be wrong); an
 * `unknown_kid` (keys rotated) refetches the JWKS once and seals again under a new Idempotency-Key
 * (the body changed); a network retry inside VaultClient reuses the same JWE and key. The page gets
 * only the token reply. While idle it keeps what the next tokenize needs ready: the session, the JWKS
 * and one ephemeral ECDH key with its content key, made ahead and used for exactly one JWE (sealJwe
 * enforces that), so sealing is one AES-GCM encryption.
 */
import { generateEphemeralKey, sealJwe } from '@tokenframe/crypto/seal';
import type { EphemeralKey } from '@tokenframe/crypto/seal';
import type { FieldType, SealedClaims, SessionResponse, TokenizeResult } from '@tokenframe/protocol';
import { fieldForParam } from './field-for-param';
import type { CardData } from './read-card';
import type { VaultClient, VaultResult } from './vault-client';
import { randomId } from '../mount/random-id';

export interface TokenizerOptions {
  client: VaultClient;
  pk: string;
  /** The merchant page origin the frames were served for. */
  origin: string;
  /** The vault API origin: the JWE audience. */
  api: string;
  now?: () => number;
}

/** Renew a session this long before the vault would call it expired. */
const SESSION_MARGIN_MS = 5_000;

interface Session {
  sid: string;
  expiresAt: number;
  /** vault clock − local clock, measured when the session arrived. */
  skew: number;
}

export class Tokenizer {
  readonly #o: TokenizerOptions;
  readonly #now: () => number;
  #session: Promise<VaultResult<Session>> | undefined;
  #nextKey: Promise<EphemeralKey | undefined> | undefined;

  constructor(options: TokenizerOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  /** Opens the session ahead, so tokenize does not wait for it (called once the mount is idle). */
  start(): void {
    void this.#currentSession();
  }

  /** Fetches the JWKS and makes the first ephemeral key; call when idle (not while the fields are still booting). */
  prepare(): void {
    this.#prepareKey(); // fetches the JWKS
  }

  /** `mounted`: the mount's field types, so a vault card error names the field that holds the bad value. */
  async tokenize(card: CardData, mounted: readonly FieldType[]): Promise<TokenizeResult> {
    let refreshedKey = false;
    let renewedSession = false;
    for (;;) {
      const session = await this.#currentSession();
      if (!session.ok) return { error: session.error };
      const key = await this.#o.client.encryptionKey(refreshedKey);
      if (!key.ok) return { error: key.error };
      const { pk, origin, api } = this.#o;
      const claims: SealedClaims = {
        ...card,
        aud: api,
        pk,
        sid: session.value.sid,
        origin,
        iat: Math.floor((this.#now() + session.value.skew) / 1000),
        jti: randomId(),
      };
      const ephemeral = await this.#takeKey();
      const jwe = await sealJwe(claims, key.value, ephemeral ? { ephemeral } : {});
      const r = await this.#o.client.createToken(jwe, crypto.randomUUID());
      // The next key is made in a later task, once this result is on its way to the page.
      setTimeout(() => this.#prepareKey());
      if (r.ok) {
        const { brand, last4, expMonth, expYear } = r.value.card;
        return { token: r.value.id, card: { brand, last4, expMonth, expYear } };
      }
      if (r.error.code === 'unknown_kid' && !refreshedKey) {
        refreshedKey = true;
        continue;
      }
      if ((r.error.code === 'session_expired' || r.error.code === 'session_exhausted') && !renewedSession) {
        renewedSession = true;
        this.#session = undefined;
        continue;
      }
      const field = fieldForParam(r.param, mounted);
      return { error: field ? { ...r.error, field } : r.error };
    }
  }

  #prepareKey(): void {
    // Made for the current JWKS key, so its content key is derived ahead too. A failure here only
    // means the next seal makes its own key; a rotated key only means it derives its own.
    this.#nextKey ??= this.#o.client
      .encryptionKey()
      .then((k) => generateEphemeralKey(k.ok ? k.value : undefined))
      .catch(() => undefined);
  }

  /** The key made ahead, if any; the slot empties so no other seal can get the same one. */
  #takeKey(): Promise<EphemeralKey | undefined> {
    const next = this.#nextKey ?? Promise.resolve(undefined);
    this.#nextKey = undefined;
    return next;
  }

  #currentSession(): Promise<VaultResult<Session>> {
    const pending = this.#session;
    if (pending) {
      return pending.then((s) => {
        if (s.ok && this.#now() + s.value.skew < s.value.expiresAt - SESSION_MARGIN_MS) return s;
        if (this.#session === pending) this.#session = undefined;
        return this.#currentSession();
      });
    }
    const opened = this.#o.client
      .createSession(this.#o.origin)
      .then((r): VaultResult<Session> => (r.ok ? { ok: true, value: toSession(r.value, this.#now()) } : r));
    this.#session = opened;
    return opened;
  }
}

function toSession(s: SessionResponse, localNow: number): Session {
  return { sid: s.sid, expiresAt: s.expiresAt, skew: s.serverTime - localNow };
}
