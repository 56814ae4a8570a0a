import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether an Authorization header carries exactly `username:password` (HTTP Basic), compared in constant time. */
export function checkBasicAuth(header: string | undefined, username: string, password: string): boolean {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return false;
  const presented = Buffer.from(match[1] as string, 'base64').toString('utf8');
  return timingSafeEqual(digest(presented), digest(`${username}:${password}`));
}
