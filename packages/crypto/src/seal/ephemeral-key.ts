/**
 * An ephemeral ECDH P-256 key pair made ahead of a seal (while the frame is idle), so `sealJwe`
 * does not wait for key generation when the shopper pays. Made for a given vault key, it also
 * derives the content key ahead, and the seal is then a single AES-GCM encryption.
 *
 * Single use, enforced here: with ECDH-ES the content key is derived from this pair and the vault's
 * key alone, so one pair used for two JWEs would encrypt both under the same AES-GCM key. `take()`
 * forgets the private key (and content key) synchronously, on its first call; a second call throws.
 */
import { deriveContentKey } from './derive-content-key';
import type { ContentKey } from './derive-content-key';
import type { SealPublicJwk } from './seal-jwe';

export interface EphemeralPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

// Named through CryptoKeyPair: code without lib.dom (the vault's tests) shims only that one type.
type PrivateKey = CryptoKeyPair['privateKey'];

export class EphemeralKey {
  /** Until taken: the private key, and the content key derived ahead with (a copy of) the vault key it is for. */
  #unused: [PrivateKey, [SealPublicJwk, ContentKey]?] | undefined;
  #epk!: EphemeralPublicJwk;

  /** Only generate() makes one. */
  private constructor() {}

  /** A fresh pair (private part non-extractable); with `forKey`, its content key for that vault key too. */
  static async generate(this: void, forKey?: SealPublicJwk): Promise<EphemeralKey> {
    const { privateKey, publicKey } = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
      'deriveBits',
    ])) as CryptoKeyPair;
    // A P-256 public JWK always has x and y.
    const { x, y } = (await crypto.subtle.exportKey('jwk', publicKey)) as EphemeralPublicJwk;
    const key = new EphemeralKey();
    const epk: EphemeralPublicJwk = (key.#epk = { kty: 'EC', crv: 'P-256', x, y });
    // A key the vault JWKS would not give (bad shape or point): nothing ahead; sealJwe reports it.
    key.#unused = [
      privateKey,
      forKey &&
        (await deriveContentKey(forKey, privateKey, epk).then(
          (cek) => [{ ...forKey }, cek],
          () => undefined,
        )),
    ];
    return key;
  }

  /** The public part, as it will appear in the JWE header (`epk`). */
  get publicJwk(): EphemeralPublicJwk {
    return { ...this.#epk };
  }

  /** True once the key was taken for a JWE. */
  get used(): boolean {
    return !this.#unused;
  }

  /**
   * For sealJwe, once: the content key for `vault` (the one derived ahead if it was for exactly
   * that key). The key is marked used before this returns, so no concurrent call can get it too.
   */
  async take(vault: SealPublicJwk): Promise<ContentKey> {
    if (!this.#unused) throw new TypeError('already used');
    const [privateKey, [to, ahead] = []] = this.#unused;
    this.#unused = undefined;
    return ahead && to?.kid === vault.kid && to.x === vault.x && to.y === vault.y ? ahead : deriveContentKey(vault, privateKey, this.#epk);
  }
}

/**
 * Makes the ephemeral key for one future `sealJwe(claims, jwk, { ephemeral })`. Pass the vault key
 * that seal will use to derive its content key ahead as well (ignored if the seal uses another key).
 */
export const generateEphemeralKey: (forKey?: SealPublicJwk) => Promise<EphemeralKey> = EphemeralKey.generate;
