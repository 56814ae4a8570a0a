import { newEvent } from '../stores/events/new-event';
import type { FrameStatusCode } from '@tokenframe/protocol';
import { generateApiKey, hashApiKey, keyHint, parseApiKey, randomId, sameHash } from '../auth/api-key';
import { canonicalOrigin } from '../auth/canonical-origin';
import { keyState } from '../auth/key-state';
import { DEFAULT_SECRET_SCOPES, isScope } from '../auth/scopes';
import { parseIpRanges } from '../auth/ip-ranges';
import type { AccountRecord, ApiKeyRecord, KeyType } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import { rollApiKey } from './key-rolling';
import { fail, type AuthResult, type CreatedKey, type CreateKeyInput, type Result } from './key-types';

export type { AuthResult, CreatedKey, CreateKeyInput, Result } from './key-types';

/** Accounts, API keys and allowed origins: the rules shared by the CLI and the HTTP API. */
export class KeyService {
  readonly #store: VaultStores;
  readonly #now: () => number;

  constructor(store: VaultStores, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  async account(nameOrId: string): Promise<AccountRecord | undefined> {
    return (await this.#store.keys.findAccount(nameOrId)) ?? (await this.#store.keys.findAccountByName(nameOrId));
  }

  async createAccount(name: string): Promise<Result<AccountRecord>> {
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/.test(name))
      return fail('An account name is 1–64 letters, digits, spaces, dots, dashes or underscores.');
    if (await this.#store.keys.findAccountByName(name)) return fail(`An account named "${name}" already exists.`);
    const account = { id: randomId('acct', 12), name, createdAt: this.#now() };
    await this.#store.keys.createAccount(account);
    return { ok: true, value: account };
  }

  async createKey(input: CreateKeyInput): Promise<Result<CreatedKey>> {
    const origins: string[] = [];
    for (const o of input.origins ?? []) {
      const c = canonicalOrigin(o);
      if (!c)
        return fail(
          `"${o}" is not an exact origin: use scheme://host[:port], e.g. http://localhost:5173 (no path, no wildcard, no trailing slash).`,
        );
      if (!origins.includes(c)) origins.push(c);
    }
    const scopes = input.scopes?.length ? [...new Set(input.scopes)] : input.type === 'secret' ? [...DEFAULT_SECRET_SCOPES] : [];
    if (input.type === 'publishable') {
      if (scopes.length) return fail('Publishable keys have no scopes: they can only create sessions and tokens.');
      if (input.ips?.length) return fail('IP allowlists apply to secret keys; publishable keys are limited by origin.');
      if (!origins.length) return fail('A publishable key needs at least one --origin (the merchant page origin).');
    } else {
      if (origins.length) return fail('Secret keys have no origins: they are for servers, never browsers.');
      const ips = parseIpRanges(input.ips ?? []);
      if (!ips.ok) return fail(`--ip "${ips.bad}" is not an IP address or CIDR range (e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::/32).`);
      const bad = scopes.find((s) => !isScope(s));
      if (bad) return fail(`Unknown scope "${bad}". Scopes: tokens:read, tokens:reveal, tokens:persist, tokens:delete, events:read.`);
    }
    let account = await this.account(input.account);
    if (!account) {
      const created = await this.createAccount(input.account);
      if (!created.ok) return created;
      account = created.value;
    }
    if (input.env === 'live') {
      for (const o of origins) {
        if (!(await this.#store.keys.isOriginVerified(account.id, o))) {
          return fail(
            `Origin ${o} is not verified for account "${account.name}". Live keys accept only verified origins: run \`pnpm vault origins verify --account ${account.name} --origin ${o}\` first.`,
          );
        }
      }
    }
    const key = generateApiKey(input.type, input.env);
    const record: ApiKeyRecord = {
      id: randomId('key', 12),
      accountId: account.id,
      type: input.type,
      env: input.env,
      hash: hashApiKey(key),
      hint: keyHint(key),
      label: input.label ?? '',
      origins,
      scopes,
      ipAllowlist: input.ips ?? [],
      createdAt: this.#now(),
      expiresAt: null,
      revokedAt: null,
    };
    await this.#store.keys.insertKey(record);
    return { ok: true, value: { id: record.id, key, account: account.name, type: record.type, env: record.env, origins, scopes } };
  }

  /** A successor with the same settings; the old key keeps working for `overlapMs`. */
  rollKey(id: string, overlapMs: number): Promise<Result<CreatedKey>> {
    return rollApiKey(this.#store, this.#now, id, overlapMs);
  }

  async revokeKey(id: string): Promise<Result<{ id: string }>> {
    const at = this.#now();
    const done = await this.#store.transaction(async (tx) => {
      const key = await tx.keys.findKey(id);
      if (!key || !(await tx.keys.revokeKey(id, at))) return false;
      await tx.events.record(
        newEvent('key.revoked', { accountId: key.accountId, livemode: key.env === 'live' }, { keyId: id, type: key.type }, at),
      );
      return true;
    });
    return done ? { ok: true, value: { id } } : fail(`No unrevoked key ${id}.`);
  }

  /**
   * Marks `origin` as the account's for live keys. An origin another account already verified is
   * refused unless `force` (one site, two merchants is almost always a typo or a takeover attempt:
   * each account's live keys would then accept the other's checkout page).
   */
  async verifyOrigin(
    accountName: string,
    origin: string,
    o2: { force?: boolean } = {},
  ): Promise<Result<{ account: string; origin: string; alsoVerifiedBy: string[] }>> {
    const account = await this.account(accountName);
    if (!account) return fail(`No account "${accountName}".`);
    const o = canonicalOrigin(origin);
    if (!o) return fail(`"${origin}" is not an exact origin (scheme://host[:port]).`);
    const others = (await this.#store.keys.accountsVerifying(o)).filter((id) => id !== account.id);
    const names = await Promise.all(others.map(async (id) => `"${(await this.#store.keys.findAccount(id))?.name ?? id}"`));
    if (names.length && !o2.force) {
      return fail(
        `Origin ${o} is already verified for account ${names.join(', ')}. One origin for two accounts lets each account's live keys serve the other's checkout; if that is really intended, run the command again with --force.`,
      );
    }
    await this.#store.keys.verifyOrigin(account.id, o, this.#now());
    return { ok: true, value: { account: account.name, origin: o, alsoVerifiedBy: names.map((n) => n.slice(1, -1)) } };
  }

  async listKeys(accountName?: string): Promise<ApiKeyRecord[]> {
    if (accountName === undefined) return this.#store.keys.listKeys();
    const account = await this.account(accountName);
    return account ? this.#store.keys.listKeys(account.id) : [];
  }

  /** Bearer key → active key record. Unknown and malformed keys answer alike. */
  async authenticate(presented: string, type: KeyType): Promise<AuthResult> {
    const parsed = parseApiKey(presented);
    if (!parsed || parsed.type !== type) return { ok: false, code: 'invalid_api_key' };
    const hash = hashApiKey(presented);
    const key = await this.#store.keys.findKeyByHash(hash);
    if (!key || !sameHash(key.hash, hash)) return { ok: false, code: 'invalid_api_key' };
    if (keyState(key, this.#now()) !== 'active') return { ok: false, code: 'revoked_key' };
    return { ok: true, key };
  }

  /** Exact match against the key's list; a live key also needs the origin verified for its account. */
  async originAllowed(key: ApiKeyRecord, origin: string): Promise<boolean> {
    if (!key.origins.includes(origin)) return false;
    return key.env === 'test' || this.#store.keys.isOriginVerified(key.accountId, origin);
  }

  /** Why a frame might not load (DESIGN.md "The channel" step 11): a code, nothing more. */
  async frameStatus(pk: string, origin: string): Promise<FrameStatusCode> {
    const auth = await this.authenticate(pk, 'publishable');
    if (!auth.ok) return auth.code === 'revoked_key' ? 'revoked_key' : 'unknown_key';
    const o = canonicalOrigin(origin);
    return o && (await this.originAllowed(auth.key, o)) ? 'ok' : 'origin_not_allowed';
  }
}
