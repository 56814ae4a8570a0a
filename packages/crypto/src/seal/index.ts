/** `@tokenframe/crypto/seal`: the browser side of the card-data JWE (WebCrypto only). */
export { sealJwe } from './seal-jwe';
export type { SealOptions, SealPublicJwk } from './seal-jwe';
export { EphemeralKey, generateEphemeralKey } from './ephemeral-key';
export type { EphemeralPublicJwk } from './ephemeral-key';
