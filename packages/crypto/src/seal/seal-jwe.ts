import { encodeBase64url } from './base64url';
import { deriveContentKey } from './derive-content-key';
import { EphemeralKey } from './ephemeral-key';

/**
 * Seals claims for the vault as a compact JWE: ECDH-ES (direct key agreement) + A256GCM, P-256.
 *
 * Runs in the frame with WebCrypto only: no Node built-ins, no dependencies; 1.6 kB min+gzip
 * with the made-ahead key (0.98 kB without). Steps (RFC 7516 §5.1, RFC 7518 §4.6):
 *   1. import the vault's public key; generate a fresh ephemeral P-256 pair (private part
 *      non-extractable; WebCrypto always lets the public part be exported), or take the one made
 *      ahead with generateEphemeralKey() (`options.ephemeral`, single use: see ./ephemeral-key.ts;
 *      made for this vault key, steps 2–3 were done ahead too);
 *   2. Z = ECDH(ephemeral private, vault public); CEK = Concat KDF(Z, "A256GCM", 256 bits);
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

const TAG_BYTES = 16;
const utf8 = (text: string) => new TextEncoder().encode(text);

export async function sealJwe(claims: object, publicJwk: SealPublicJwk, options: SealOptions = {}): Promise<string> {
  const { kty, crv, x, y, kid } = publicJwk ?? {};
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || typeof kid !== 'string' || !kid) {
    throw new TypeError('sealJwe: publicJwk must be a P-256 key from the vault JWKS: {kty: "EC", crv: "P-256", x, y, kid}.');
  }
  if (typeof claims !== 'object' || !claims) throw new TypeError('sealJwe: claims must be a JSON object.');
  const given = options?.ephemeral;
  if (given !== undefined && !(given instanceof EphemeralKey)) throw new TypeError('sealJwe: options.ephemeral must come from generateEphemeralKey().');
  const vault = { kty, crv, x, y, kid };
  // Taken before the first await, so two concurrent seals can never share it.
  const taken = given?.take(vault) ?? (await EphemeralKey.generate()).take(vault);
  const { cek, header } = taken.ahead ?? (await deriveContentKey(vault, taken.privateKey, taken.epk));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(header) }, cek, utf8(JSON.stringify(claims))),
  );
  const tagStart = sealed.length - TAG_BYTES;
  return [header, '', encodeBase64url(iv), encodeBase64url(sealed.subarray(0, tagStart)), encodeBase64url(sealed.subarray(tagStart))].join('.');
}
