/** `@tokenframe/crypto/seal`: the browser side of the card-data JWE (WebCrypto only). */
export { sealJwe } from './seal-jwe';
export type { SealPublicJwk } from './seal-jwe';
