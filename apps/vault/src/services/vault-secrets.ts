import { randomBytes } from 'node:crypto';
import { openField, sealField, rewrapField, type FieldAad, type Kek } from '@tokenframe/crypto/at-rest';
import {
  createKeyring,
  jwksOf,
  privateKeyFor,
  pruneKeyring,
  rotateKeyring,
  type KeyringState,
  type PublicJwk,
} from '@tokenframe/crypto/keys';
import type { KeyObject } from 'node:crypto';
import type { MasterKeys } from '../config/master-key';
import { isGenerationId, kekIdOf } from '../cvc/generation-window';
import type { VaultStores } from '../stores/vault-stores';

const KEYRING = 'keyring';
const FINGERPRINT_SECRET = 'fingerprint_secret';
const RETIRED_GRACE_MS = 24 * 60 * 60 * 1000;
const stateAad = (name: string): FieldAad => ({ account: '_vault', token: name, field: 'state' });

/**
 * The vault's own secrets, kept in `vault_state` sealed under the master key: the JWE keyring and
 * the fingerprint secret. Holds the unsealed copies in memory and reloads the keyring on demand so
 * a `jwks rotate` from the CLI reaches a running server without a restart.
 */
export class VaultSecrets {
  readonly #store: VaultStores;
  readonly #keys: MasterKeys;
  #keyring!: KeyringState;
  #privateKeyFor!: (kid: string) => KeyObject | undefined;
  #fingerprintSecret!: Buffer;
  #lastReload = 0;

  private constructor(store: VaultStores, keys: MasterKeys) {
    this.#store = store;
    this.#keys = keys;
  }

  static async load(store: VaultStores, keys: MasterKeys, now: number): Promise<VaultSecrets> {
    const s = new VaultSecrets(store, keys);
    const secret = await s.#readOrCreate(FINGERPRINT_SECRET, () => randomBytes(32).toString('base64'), now);
    s.#fingerprintSecret = Buffer.from(secret, 'base64');
    s.#setKeyring(JSON.parse(await s.#readOrCreate(KEYRING, () => JSON.stringify(createKeyring(now)), now)) as KeyringState);
    return s;
  }

  get dataKek(): Kek {
    return this.#keys.data;
  }
  get cvcKek(): Kek {
    return this.#keys.cvc;
  }
  get fingerprintSecret(): Buffer {
    return this.#fingerprintSecret;
  }
  /** Current master KEKs first, then previous ones (during a rewrap). */
  readonly kekFor = (id: string): Buffer | undefined => {
    for (const set of [this.#keys, ...this.#keys.previous]) {
      if (set.data.id === id) return set.data.key;
      if (set.cvc.id === id) return set.cvc.key;
    }
    return undefined;
  };

  jwks(): { keys: PublicJwk[] } {
    return jwksOf(this.#keyring);
  }
  privateKeyFor(kid: string): KeyObject | undefined {
    return this.#privateKeyFor(kid);
  }

  /** Re-reads the keyring (another process may have rotated it); at most once per `minIntervalMs`. */
  async reloadKeyring(now: number, minIntervalMs = 0): Promise<void> {
    if (now - this.#lastReload < minIntervalMs) return;
    this.#lastReload = now;
    const sealed = await this.#store.state.get(KEYRING);
    if (sealed) this.#setKeyring(JSON.parse(openField(this.kekFor, sealed, stateAad(KEYRING))) as KeyringState);
  }

  async rotateKeyring(now: number): Promise<{ keys: PublicJwk[] }> {
    await this.reloadKeyring(now);
    const next = pruneKeyring(rotateKeyring(this.#keyring, now), now, RETIRED_GRACE_MS);
    await this.#store.state.put(KEYRING, sealField(this.dataKek, JSON.stringify(next), stateAad(KEYRING)), now);
    this.#setKeyring(next);
    return this.jwks();
  }

  /**
   * Re-wraps every at-rest data key under the current master key (after rotating the master key).
   * A CVC sealed under a key generation is left as it is: its key is not the master key's to
   * rewrap (the generations themselves are rewrapped by CvcKeyGenerations.rewrapAll).
   */
  async rewrapAll(): Promise<number> {
    let kept = 0;
    const rewrap = (envelope: string, field: string): string => {
      if (field === 'cvc' && isGenerationId(kekIdOf(envelope))) return (kept++, envelope);
      return rewrapField(envelope, this.kekFor, field === 'cvc' ? this.cvcKek : this.dataKek);
    };
    // Token envelopes, webhook secrets, connection credentials and the vault's own secrets together: all under the new key, or none.
    const n = await this.#store.transaction(async (tx) => {
      kept = 0; // a retried transaction (PostgreSQL) counts again
      return (
        (await tx.tokens.rewrap(rewrap)) +
        (await tx.state.rewrap(rewrap)) +
        (await tx.webhooks.rewrap(rewrap)) +
        (await tx.connections.rewrap(rewrap))
      );
    });
    return n - kept;
  }

  #setKeyring(state: KeyringState): void {
    this.#keyring = state;
    this.#privateKeyFor = privateKeyFor(state);
  }

  /**
   * Never keeps a value it made without reading it back: another process starting at the same
   * moment may have stored its own first, and then both must use that one (insert-if-absent).
   */
  async #readOrCreate(name: string, make: () => string, now: number): Promise<string> {
    const sealed =
      (await this.#store.state.get(name)) ??
      (await this.#store.state.putIfAbsent(name, sealField(this.dataKek, make(), stateAad(name)), now));
    return openField(this.kekFor, sealed, stateAad(name));
  }
}
