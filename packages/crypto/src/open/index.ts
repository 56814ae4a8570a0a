/** `@tokenframe/crypto/open`: the vault side of the card-data JWE (node:crypto, synchronous). */
export { openJwe, MAX_CIPHERTEXT_BYTES } from './open-jwe';
export type { OpenJweResult, PrivateKeyLookup } from './open-jwe';
