/** `@tokenframe/crypto/at-rest`: envelope encryption of card data at rest, and card fingerprints (Node). */
export { generateKek } from './kek';
export type { Kek, KekLookup } from './kek';
export { sealBytes } from './seal-bytes';
export { sealField } from './seal-field';
export { openBytes } from './open-bytes';
export { openField } from './open-field';
export { rewrapField } from './rewrap-field';
export { fingerprint } from './fingerprint';
export { AtRestError } from './at-rest-error';
export type { FieldAad } from './field-aad';
