import { encodeBase64url } from './base64url';
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

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Steps 1–3 of sealJwe (RFC 7518 §4.6): Z = ECDH(ephemeral private, vault public), CEK = Concat KDF(Z), header. */
export async function deriveContentKey(vault: SealPublicJwk, privateKey: Key, epk: EphemeralPublicJwk): Promise<ContentKey> {
  const { kty, crv, x, y, kid } = vault;
  const ecdh = { name: 'ECDH', namedCurve: 'P-256' };
  const vaultKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, ecdh, false, []);
  const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: vaultKey }, privateKey, 256));
  const cek = await crypto.subtle.importKey('raw', await concatKdf(z, 'A256GCM', 256), 'AES-GCM', false, ['encrypt']);
  const header = encodeBase64url(utf8(JSON.stringify({ alg: 'ECDH-ES', enc: 'A256GCM', kid, epk: { kty: epk.kty, crv: epk.crv, x: epk.x, y: epk.y } })));
  return { cek, header };
}
