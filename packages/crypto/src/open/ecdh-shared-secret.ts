import { createECDH, type ECDH, type KeyObject } from 'node:crypto';

/**
 * The ECDH step of opening a JWE: the vault's P-256 private key with the sender's ephemeral point.
 *
 * `ECDH#computeSecret` rejects points that are not on P-256 (the invalid-curve attack; see the
 * Wycheproof cases in test/) and runs about twice as fast as `createPublicKey` + `diffieHellman`,
 * so each private KeyObject gets one ECDH context, created on first use and kept while the key lives.
 */
const P256_COORDINATE_BYTES = 32;
const contexts = new WeakMap<KeyObject, ECDH>();

function contextFor(privateKey: KeyObject): ECDH {
  let context = contexts.get(privateKey);
  if (context) return context;
  const details = privateKey.asymmetricKeyDetails;
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') {
    throw new TypeError('openJwe: privateKeyFor must return a P-256 (prime256v1) private KeyObject.');
  }
  const d = privateKey.export({ format: 'jwk' }).d;
  if (typeof d !== 'string') throw new TypeError('openJwe: the private key has no exportable scalar.');
  context = createECDH('prime256v1');
  context.setPrivateKey(Buffer.from(d, 'base64url'));
  contexts.set(privateKey, context);
  return context;
}

/** Z for the point (x, y); `undefined` when the point is malformed or not on the curve. */
export function deriveSharedSecret(privateKey: KeyObject, x: Uint8Array, y: Uint8Array): Buffer | undefined {
  const context = contextFor(privateKey);
  if (x.byteLength !== P256_COORDINATE_BYTES || y.byteLength !== P256_COORDINATE_BYTES) return undefined;
  const point = Buffer.alloc(1 + 2 * P256_COORDINATE_BYTES);
  point[0] = 0x04; // uncompressed SEC1 encoding
  point.set(x, 1);
  point.set(y, 1 + P256_COORDINATE_BYTES);
  try {
    return context.computeSecret(point);
  } catch {
    return undefined;
  }
}
