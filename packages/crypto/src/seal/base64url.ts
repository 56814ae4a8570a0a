/** UTF-8 bytes of `text` (header, AAD, claims). */
export const utf8 = (text: string) => new TextEncoder().encode(text);

/** base64url without padding (RFC 7515 §2), for the browser: no Buffer here. Inputs are small (≤ 16 kB). */
export function encodeBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
