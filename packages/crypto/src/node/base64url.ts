/**
 * Strict base64url for the vault side. `Buffer.from(s, 'base64url')` silently skips bad characters
 * and ignores the spare bits of the last character, so two different strings can decode to the
 * same bytes. Every parser here must see one canonical spelling per byte string, or a flipped bit
 * in a JWE segment could still "open".
 */
const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Decodes canonical, unpadded base64url; `undefined` for anything else. */
export function decodeBase64url(text: string): Buffer | undefined {
  if (text.length % 4 === 1 || !ALPHABET.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/** Length in characters of the unpadded base64url form of `byteLength` bytes. */
export function base64urlLength(byteLength: number): number {
  return Math.ceil((byteLength * 4) / 3);
}
