import type { KeyObject } from 'node:crypto';
import { aesGcmDecrypt, IV_BYTES, TAG_BYTES } from '../node/aes-256-gcm';
import { base64urlLength, decodeBase64url } from '../node/base64url';
import { concatKdf } from './concat-kdf';
import { deriveSharedSecret } from './ecdh-shared-secret';
import { MAX_HEADER_BYTES, parseJweHeader } from './parse-jwe-header';

/**
 * Opens a compact JWE sealed by `@tokenframe/crypto/seal` (ECDH-ES, A256GCM, P-256).
 *
 * Requirements: no oracle. An unknown `kid` is reported as such because it is decided from the
 * header alone (it says nothing about the ciphertext); every other failure is the same
 * `invalid_jwe` value, and the policy checks (shape, sizes, header members, algorithms) all run
 * before the key lookup, so rejected algorithms never reach ECDH.
 *
 * Steps: policy → kid → ECDH with the epk (on-curve check) → Concat KDF → AES-GCM with the
 * ASCII of the protected header as AAD → the plaintext must be a JSON object.
 */
export const MAX_CIPHERTEXT_BYTES = 16 * 1024;

export type OpenJweResult = { ok: true; kid: string; claims: Record<string, unknown> } | { ok: false; code: 'unknown_kid' | 'invalid_jwe' };

export type PrivateKeyLookup = (kid: string) => KeyObject | undefined;

const IV_CHARS = base64urlLength(IV_BYTES);
const TAG_CHARS = base64urlLength(TAG_BYTES);
const MAX_CIPHERTEXT_CHARS = base64urlLength(MAX_CIPHERTEXT_BYTES);
const MAX_COMPACT_CHARS = base64urlLength(MAX_HEADER_BYTES) + IV_CHARS + MAX_CIPHERTEXT_CHARS + TAG_CHARS + 4;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function invalid(): OpenJweResult {
  return { ok: false, code: 'invalid_jwe' };
}

function parseClaims(plaintext: Buffer): Record<string, unknown> | undefined {
  try {
    const claims: unknown = JSON.parse(utf8.decode(plaintext));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function openJwe(compact: string, privateKeyFor: PrivateKeyLookup): OpenJweResult {
  if (typeof compact !== 'string' || compact.length > MAX_COMPACT_CHARS) return invalid();
  const segments = compact.split('.');
  if (segments.length !== 5) return invalid();
  const [protectedHeader = '', encryptedKey, ivText = '', ciphertextText = '', tagText = ''] = segments;
  // ECDH-ES in direct key agreement mode: the CEK is the KDF output, so there is no encrypted key.
  if (encryptedKey !== '' || ivText.length !== IV_CHARS || tagText.length !== TAG_CHARS) return invalid();
  if (ciphertextText.length > MAX_CIPHERTEXT_CHARS) return invalid();
  const header = parseJweHeader(protectedHeader);
  const iv = decodeBase64url(ivText);
  const ciphertext = decodeBase64url(ciphertextText);
  const tag = decodeBase64url(tagText);
  if (!header || !iv || !ciphertext || !tag) return invalid();

  const privateKey = privateKeyFor(header.kid);
  if (!privateKey) return { ok: false, code: 'unknown_kid' };

  const z = deriveSharedSecret(privateKey, header.epkX, header.epkY);
  if (!z) return invalid();
  const cek = concatKdf(z, 'A256GCM', 256);
  const plaintext = aesGcmDecrypt(cek, iv, ciphertext, tag, Buffer.from(protectedHeader, 'ascii'));
  const claims = plaintext && parseClaims(plaintext);
  return claims ? { ok: true, kid: header.kid, claims } : invalid();
}
