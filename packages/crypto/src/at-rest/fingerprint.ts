import { createHmac } from 'node:crypto';

/**
 * Keyed card fingerprint: base64url HMAC-SHA256(secret, account || 0x00 || pan). Stable for the
 * same card within one account, unrelated across accounts, and useless without the secret
 * (a bare hash of a PAN is brute-forced in minutes: the search space is ~10^9 per BIN).
 */
const MIN_SECRET_BYTES = 32;

export function fingerprint(secret: Buffer, account: string, pan: string): string {
  if (!Buffer.isBuffer(secret) || secret.length < MIN_SECRET_BYTES) {
    throw new TypeError(`fingerprint: secret must be a Buffer of at least ${MIN_SECRET_BYTES} random bytes.`);
  }
  if (typeof account !== 'string' || account.length === 0 || account.includes('\0')) {
    throw new TypeError('fingerprint: account must be a non-empty string without NUL characters.');
  }
  if (typeof pan !== 'string' || pan.length === 0) throw new TypeError('fingerprint: pan must be a non-empty string of digits.');
  return createHmac('sha256', secret).update(`${account}\0${pan}`, 'utf8').digest('base64url');
}
