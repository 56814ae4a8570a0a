/**
 * An ephemeral ECDH P-256 key pair made ahead of a seal (while the frame is idle), so `sealJwe`
 * does not wait for key generation when the shopper pays.
 *
 * Single use, enforced here: with ECDH-ES the content key is derived from this pair and the vault's
 * key alone, so one pair used for two JWEs would encrypt both under the same AES-GCM key. `take()`
 * hands the private key out exactly once and forgets it; a second call throws.
 */
export interface EphemeralPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
// Named through CryptoKeyPair: code without lib.dom (the vault's tests) shims only that one type.
type PrivateKey = CryptoKeyPair['privateKey'];

export class EphemeralKey {
  #privateKey: PrivateKey | undefined;
  readonly #epk: EphemeralPublicJwk;

  private constructor(privateKey: PrivateKey, epk: EphemeralPublicJwk) {
    this.#privateKey = privateKey;
    this.#epk = epk;
  }

  /** A fresh pair; the private key is non-extractable (WebCrypto always lets the public part be exported). */
  static async generate(): Promise<EphemeralKey> {
    const pair = (await crypto.subtle.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
    const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    if (typeof x !== 'string' || typeof y !== 'string') throw new Error('EphemeralKey: WebCrypto exported no P-256 point.');
    return new EphemeralKey(pair.privateKey, { kty: 'EC', crv: 'P-256', x, y });
  }

  /** The public part, as it will appear in the JWE header (`epk`). */
  get publicJwk(): EphemeralPublicJwk {
    return { ...this.#epk };
  }

  /** True once the key was taken for a JWE. */
  get used(): boolean {
    return this.#privateKey === undefined;
  }

  /** For sealJwe: the private key and the `epk` header value, once. */
  take(): { privateKey: PrivateKey; epk: EphemeralPublicJwk } {
    const privateKey = this.#privateKey;
    if (privateKey === undefined) throw new TypeError('sealJwe: this ephemeral key was already used for a JWE; generate a new one for every seal.');
    this.#privateKey = undefined;
    return { privateKey, epk: this.#epk };
  }
}

/** Generates the ephemeral key for one future `sealJwe(claims, jwk, { ephemeral })`. */
export function generateEphemeralKey(): Promise<EphemeralKey> {
  return EphemeralKey.generate();
}
