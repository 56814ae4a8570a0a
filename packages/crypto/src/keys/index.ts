/** `@tokenframe/crypto/keys`: vault encryption keys, the rotating keyring and its JWKS (Node). */
export { generateEncryptionKey } from './generate-encryption-key';
export type { KeyringEntry, KeyStatus, PublicJwk, PrivateJwk } from './generate-encryption-key';
export { createKeyring, rotateKeyring, pruneKeyring, jwksOf, privateKeyFor } from './keyring';
export type { KeyringState } from './keyring';
export { jwkThumbprint } from './jwk-thumbprint';
