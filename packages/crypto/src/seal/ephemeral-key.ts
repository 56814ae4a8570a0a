/**
 * An ephemeral ECDH P-256 key pair made ahead of a seal (while the frame is idle), so `sealJwe`
 * does not wait for key generation when the shopper pays. Made for a given vault key, it also
 * derives the content key ahead, and the seal is then a single AES-GCM encryption.
 *
 * Single use, enforced here: with ECDH-ES the content key is derived from this pair and the vault's
 * key alone, so one pair used for two JWEs would encrypt both under the same AES-GCM key. `take()`
 * hands the private key (and content key) out exactly once and forgets them; a second call throws.
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
interface Ahead extends ContentKey {
  for: Pick<SealPublicJwk, 'kid' | 'x' | 'y'>;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export class EphemeralKey {
  #privateKey: PrivateKey | undefined;
  #ahead: Ahead | undefined;
  readonly #epk: EphemeralPublicJwk;

  private constructor(privateKey: PrivateKey, epk: EphemeralPublicJwk, ahead: Ahead | undefined) {
    this.#privateKey = privateKey;
    this.#epk = epk;
    this.#ahead = ahead;
  }

  /** A fresh pair (private part non-extractable); with `forKey`, its content key for that vault key too. */
  static async generate(forKey?: SealPublicJwk): Promise<EphemeralKey> {
    const pair = (await crypto.subtle.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
    const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    if (typeof x !== 'string' || typeof y !== 'string') throw new Error('EphemeralKey: WebCrypto exported no P-256 point.');
    const epk: EphemeralPublicJwk = { kty: 'EC', crv: 'P-256', x, y };
    // A key the vault JWKS would not give (bad point): nothing ahead, sealJwe reports it.
    const derived = forKey ? await deriveContentKey(forKey, pair.privateKey, epk).catch(() => undefined) : undefined;
    return new EphemeralKey(pair.privateKey, epk, forKey && derived ? { ...derived, for: { kid: forKey.kid, x: forKey.x, y: forKey.y } } : undefined);
  }

  /** The public part, as it will appear in the JWE header (`epk`). */
  get publicJwk(): EphemeralPublicJwk {
    return { ...this.#epk };
  }

  /** True once the key was taken for a JWE. */
  get used(): boolean {
    return this.#privateKey === undefined;
  }

  /** For sealJwe, once: the private key, `epk`, and the content key if it was derived ahead for exactly `vault`. */
  take(vault: SealPublicJwk): { privateKey: PrivateKey; epk: EphemeralPublicJwk; ahead?: ContentKey } {
    const privateKey = this.#privateKey;
    if (privateKey === undefined) throw new TypeError('sealJwe: this ephemeral key was already used for a JWE; generate a new one for every seal.');
    const ahead = this.#ahead;
    this.#privateKey = undefined;
    this.#ahead = undefined;
    const same = ahead !== undefined && ahead.for.kid === vault.kid && ahead.for.x === vault.x && ahead.for.y === vault.y;
    return { privateKey, epk: this.#epk, ...(same ? { ahead: { cek: ahead.cek, header: ahead.header } } : {}) };
  }
}

/**
 * Makes the ephemeral key for one future `sealJwe(claims, jwk, { ephemeral })`. Pass the vault key
 * that seal will use to derive its content key ahead as well (ignored if the seal uses another key).
 */
export function generateEphemeralKey(forKey?: SealPublicJwk): Promise<EphemeralKey> {
  return EphemeralKey.generate(forKey);
}
