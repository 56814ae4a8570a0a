import { IV_BYTES, KEY_BYTES, TAG_BYTES } from '../node/aes-256-gcm';
import { decodeBase64url, encodeBase64url } from '../node/base64url';

/**
 * The serialized form of one sealed field, versioned so the format can change without a flag day:
 *
 *   v1.<kekId>.<wrapIv>.<wrappedKey>.<wrapTag>.<iv>.<ciphertext>.<tag>   (binary parts base64url)
 *
 * The wrapped data key and the record are separate AES-256-GCM messages so a KEK rotation
 * rewrites only the first three binary parts.
 */
export const ENVELOPE_VERSION = 'v1';
export const KEK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_RECORD_BYTES = 64 * 1024;

export interface Envelope {
  kekId: string;
  wrapIv: Buffer;
  wrappedKey: Buffer;
  wrapTag: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function serializeEnvelope(envelope: Envelope): string {
  const { kekId, wrapIv, wrappedKey, wrapTag, iv, ciphertext, tag } = envelope;
  return [ENVELOPE_VERSION, kekId, ...[wrapIv, wrappedKey, wrapTag, iv, ciphertext, tag].map(encodeBase64url)].join('.');
}

/** `undefined` for anything that is not exactly a v1 envelope with the right part sizes. */
export function parseEnvelope(text: unknown): Envelope | undefined {
  if (typeof text !== 'string' || text.length > 2 * MAX_RECORD_BYTES) return undefined;
  const parts = text.split('.');
  if (parts.length !== 8 || parts[0] !== ENVELOPE_VERSION) return undefined;
  const kekId = parts[1] ?? '';
  if (!KEK_ID_PATTERN.test(kekId)) return undefined;
  const [wrapIv, wrappedKey, wrapTag, iv, ciphertext, tag] = parts.slice(2).map(decodeBase64url);
  if (!wrapIv || !wrappedKey || !wrapTag || !iv || !ciphertext || !tag) return undefined;
  if (wrapIv.length !== IV_BYTES || wrappedKey.length !== KEY_BYTES || wrapTag.length !== TAG_BYTES) return undefined;
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ciphertext.length > MAX_RECORD_BYTES) return undefined;
  return { kekId, wrapIv, wrappedKey, wrapTag, iv, ciphertext, tag };
}
