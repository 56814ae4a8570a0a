import { ChannelError } from './channel-error';

/**
 * Misuse guard for configured origins: exactly a canonical `scheme://host[:port]`, never `*` or `null`.
 * Received origins are then compared to it with `===` only.
 */
export function checkOrigin(origin: unknown, name: string): string {
  let canonical: string | undefined;
  try {
    canonical = typeof origin === 'string' ? new URL(origin).origin : undefined;
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined || canonical === 'null' || canonical !== origin) {
    throw new ChannelError('invalid_argument', `${name} must be a canonical origin like https://frames.example.com, not ${String(origin)}`);
  }
  return canonical;
}
