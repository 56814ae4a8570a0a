import { encodeBase64url, utf8 } from './base64url';
import { concatKdf } from './concat-kdf';
import type { EphemeralPublicJwk } from './ephemeral-key';
import type { SealPublicJwk } from './seal-jwe';

// Named through CryptoKeyPair: code without lib.dom (the vault's tests) shims only that one type.
type Key = CryptoKeyPair['privateKey'];

export interface ContentKey {
  /** AES-256-GCM key, encrypt only, non-extractable. */
  cek: Key;
  /** The protected header, base64url: `{alg, enc, kid, epk}` (also the AAD). */
  header: string;
}

/**
 * Steps 2–3 of sealJwe (RFC 7518 §4.6): Z = ECDH(ephemeral private, vault public), CEK = Concat KDF(Z),
 * header. The one derive path, whether run ahead (generateEphemeralKey(jwk)) or at seal time, so
 * also the one place the vault key's shape is checked (misuse: throws).
 */
export async function deriveContentKey(vault: SealPublicJwk, privateKey: Key, epk: EphemeralPublicJwk): Promise<ContentKey> {
  const { kty, crv, x, y, kid } = vault;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || typeof kid !== 'string' || !kid) {
    throw new TypeError('bad publicJwk');
  }
  const vaultKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: vaultKey }, privateKey, 256));
  const cek = await crypto.subtle.importKey('raw', await concatKdf(z, 'A256GCM', 256), 'AES-GCM', false, ['encrypt']);
  return { cek, header: encodeBase64url(utf8(JSON.stringify({ alg: 'ECDH-ES', enc: 'A256GCM', kid, epk }))) };
}
