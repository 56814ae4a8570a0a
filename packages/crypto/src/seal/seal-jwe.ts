import { encodeBase64url, utf8 } from './base64url';
import { EphemeralKey } from './ephemeral-key';

/**
 * Seals claims for the vault as a compact JWE: ECDH-ES (direct key agreement) + A256GCM, P-256.
 *
 * Runs in the frame with WebCrypto only: no Node built-ins, no dependencies; 998 B min+gzip
 * including the made-ahead key (bench/seal-size.ts; budget: under 1 kB).
 * Steps (RFC 7516 §5.1, RFC 7518 §4.6):
 *   1. generate a fresh ephemeral P-256 pair (private part non-extractable), or take the one made
 *      ahead with generateEphemeralKey() (`options.ephemeral`, single use: see ./ephemeral-key.ts);
 *   2. Z = ECDH(ephemeral private, vault public); CEK = Concat KDF(Z, "A256GCM", 256 bits)
 *      (done ahead if the key was made for this vault key);
 *   3. protected header {alg, enc, kid, epk}; AAD = ASCII of its base64url form;
 *   4. AES-256-GCM with a random 96-bit IV; output header..iv.ciphertext.tag (no encrypted key).
 */
export interface SealPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
}

export interface SealOptions {
  /** A key pair from generateEphemeralKey(), made ahead; used for this JWE and never again. */
  ephemeral?: EphemeralKey;
}

export async function sealJwe(claims: object, publicJwk: SealPublicJwk, { ephemeral }: SealOptions = {}): Promise<string> {
  if (typeof claims !== 'object' || !claims) throw new TypeError('bad claims');
  if (ephemeral && !(ephemeral instanceof EphemeralKey)) throw new TypeError('use generateEphemeralKey');
  // A given key is taken before the first await, so two concurrent seals can never share it.
  // publicJwk's shape is checked where it is used, in deriveContentKey (a bad one uses the key up).
  const { cek, header } = await (ephemeral ?? (await EphemeralKey.generate())).take(publicJwk);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(header) }, cek, utf8(JSON.stringify(claims))),
  );
  // The last 16 bytes are the GCM tag.
  return [header, '', ...[iv, sealed.subarray(0, -16), sealed.subarray(-16)].map(encodeBase64url)].join('.');
}
