import { openField } from '@tokenframe/crypto/at-rest';
import { newEvent } from '../stores/events/new-event';
import type { CvcCipher } from '../cvc/cvc-cipher';
import type { TokenizeGuard } from '../limits/tokenize-guard';
import type { ApiKeyRecord, TokenRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { decideTokenization } from './decide-tokenization';
import type { IdempotencyClaim, Outcome } from './idempotency';
import type { KeyService } from './key-service';
import type { ReplayGuard } from './replay-guard';
import { commitTokenization } from './token-commit';
import { replayed, sessionError } from './tokenize-errors';
import { createdView, readView, type TokenReadView, type TokenRevealView } from './token-views';
import { orThrow, vaultError, type VaultError } from './vault-error';
import type { VaultSecrets } from './vault-secrets';

export interface TokenServiceOptions {
  store: VaultStores;
  keys: KeyService;
  secrets: VaultSecrets;
  apiOrigin: string;
  tokenTtlMs: number;
  /** Seals CVCs under key generations (crypto-shredding); its TTL is the CVC TTL. */
  cvc: CvcCipher;
  now?: () => number;
  /** Rate limits and card-testing defence (limits/tokenize-guard.ts); none when absent. */
  guard?: TokenizeGuard;
  /** The cross-process replay fast path (Redis); none when absent. */
  replay?: ReplayGuard;
}
export interface TokenizeInput {
  key: ApiKeyRecord;
  presentedKey: string;
  /** The Idempotency-Key this request runs under (its response is committed with the token). */
  claim: IdempotencyClaim;
  jwe: string;
  /** The client as resolved at the edge, for per-IP limits: an IPv4 address or an IPv6 network (auth/client-net.ts). */
  clientIp?: string;
}
const NOT_FOUND = vaultError(404, 'resource_missing', 'No such token.', 'id');

/** Turns sealed card data into tokens, and lets secret keys use them (DESIGN.md "Tokenize", "Vault"). */
export class TokenService {
  readonly #o: TokenServiceOptions;
  readonly #now: () => number;

  constructor(opts: TokenServiceOptions) {
    this.#o = opts;
    this.#now = opts.now ?? Date.now;
  }

  /**
   * Opens, checks and stores one tokenization under an Idempotency-Key already claimed by
   * services/idempotency.ts; the response is stored in the same transaction as the token.
   * Expected failures are thrown as VaultError (the idempotency runner keeps or releases them).
   */
  async tokenize(input: TokenizeInput): Promise<Outcome> {
    const decided = orThrow(await decideTokenization(this.#o, this.#now(), input));
    const body = createdView(decided.token);
    // A copy of the request (a WAF or CDN logging bodies) must not fetch the token for 24 h: the
    // stored 201 goes back only to the same client, while the session that made it lasts.
    const replayTo = { until: decided.sessionExpiresAt, client: input.claim.clientTag };
    const committed = await commitTokenization(this.#o, this.#now, decided, input.claim, {
      status: 201,
      body: JSON.stringify(body),
      replayTo,
    });
    if (committed !== 'ok') throw committed === 'replayed' ? replayed() : sessionError(committed);
    return { status: 201, body, stored: true };
  }

  /** A token of another account, another mode, or past its expiry is answered exactly like no token. */
  async #visible(key: ApiKeyRecord, id: string): Promise<TokenRecord | undefined> {
    const t = /^tok_[A-Za-z0-9_-]{1,64}$/.test(id) ? await this.#o.store.tokens.find(id) : undefined;
    if (!t || t.accountId !== key.accountId || t.livemode !== (key.env === 'live')) return undefined;
    if (t.expiresAt !== null && t.expiresAt <= this.#now()) return undefined;
    return t;
  }

  async read(key: ApiKeyRecord, id: string): Promise<TokenReadView | VaultError> {
    const t = await this.#visible(key, id);
    return t ? readView(t, await this.#cvcPresent(t)) : NOT_FOUND;
  }

  /** Within its TTL and it opens (the cipher's `readable`): exactly when a reveal would return it. */
  async #cvcPresent(t: TokenRecord): Promise<boolean> {
    const now = this.#now();
    return (
      t.cvcEnc !== null &&
      (t.cvcExpiresAt ?? 0) > now &&
      (await this.#o.cvc.readable(t.cvcEnc, { account: t.accountId, token: t.id, field: 'cvc' }, now))
    );
  }

  /**
   * The full card, once per CVC: the CVC is deleted in the same transaction that reads it (PCI DSS
   * 3.3.1.2). Its key is fetched first, so a shared-state failure fails the request before the CVC
   * is deleted rather than after.
   */
  async reveal(key: ApiKeyRecord, id: string, requestId: string): Promise<TokenRevealView | VaultError> {
    const seen = await this.#visible(key, id);
    if (!seen) return NOT_FOUND;
    const now = this.#now();
    const liveCvc = (r: TokenRecord) => (r.cvcEnc !== null && (r.cvcExpiresAt ?? 0) > now ? r.cvcEnc : undefined);
    const seenCvc = liveCvc(seen);
    const cvcKey = seenCvc === undefined ? undefined : await this.#o.cvc.keyFor(seenCvc, now);
    let t: TokenRecord | undefined;
    let cvc: string | undefined;
    try {
      // The CVC taken and the audit row written together.
      t = await this.#o.store.transaction(async (tx) => {
        const taken = await tx.tokens.takeCvc(id);
        if (taken)
          await tx.events.audit({
            at: now,
            accountId: taken.accountId,
            livemode: taken.livemode,
            keyId: key.id,
            action: 'reveal',
            tokenId: id,
            requestId,
          });
        return taken;
      });
      // Open only what this transaction read: a concurrent reveal may have taken the CVC first.
      cvc = cvcKey && this.#o.cvc.open(cvcKey, t && liveCvc(t), { account: seen.accountId, token: id, field: 'cvc' });
    } finally {
      cvcKey?.key?.fill(0); // open() zeroes it too; this covers a transaction that threw before it
    }
    if (!t) return NOT_FOUND;
    const { kekFor } = this.#o.secrets;
    const open = (field: string, env: string | null) =>
      env === null ? undefined : openField(kekFor, env, { account: t.accountId, token: t.id, field });
    const name = open('name', t.nameEnc);
    const postal = open('postal', t.postalEnc);
    return {
      id: t.id,
      card: {
        number: open('pan', t.panEnc)!,
        expMonth: t.expMonth,
        expYear: t.expYear,
        ...(cvc ? { cvc } : {}),
        ...(name ? { name } : {}),
        ...(postal ? { postal } : {}),
      },
    };
  }

  async persist(key: ApiKeyRecord, id: string): Promise<TokenReadView | VaultError> {
    if (!(await this.#visible(key, id))) return NOT_FOUND;
    const t = await this.#o.store.tokens.persist(id, this.#now());
    return t ? readView(t, await this.#cvcPresent(t)) : NOT_FOUND;
  }

  async remove(key: ApiKeyRecord, id: string, requestId: string): Promise<{ id: string; deleted: true } | VaultError> {
    if (!(await this.#visible(key, id))) return NOT_FOUND;
    const at = this.#now();
    const ok = await this.#o.store.transaction(async (tx) => {
      const gone = await tx.tokens.delete(id);
      if (gone) {
        await tx.events.audit({
          at,
          accountId: gone.accountId,
          livemode: gone.livemode,
          keyId: key.id,
          action: 'delete',
          tokenId: id,
          requestId,
        });
        await tx.events.record(newEvent('token.deleted', gone, { tokenId: id, keyId: key.id, requestId }, at));
      }
      return gone !== undefined;
    });
    return ok ? { id, deleted: true } : NOT_FOUND;
  }
}
