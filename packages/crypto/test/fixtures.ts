import { createKeyring, jwksOf, privateKeyFor, type KeyringState } from '../src/keys';

/** A real keyring (current + next) shared by the JWE tests; no stand-ins for our own parts. */
export const NOW = Date.UTC(2025, 0, 1);
export const keyring: KeyringState = createKeyring(NOW);
export const lookup = privateKeyFor(keyring);
export const [currentJwk, nextJwk] = jwksOf(keyring).keys as [
  ReturnType<typeof jwksOf>['keys'][number],
  ReturnType<typeof jwksOf>['keys'][number],
];
export const currentKey = lookup(currentJwk.kid)!;

export const CLAIMS = {
  pan: '4242424242424242',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  aud: 'tokenframe-vault',
  pk: 'pk_test_abc',
  sid: 'sess_1',
  origin: 'http://localhost:5173',
  iat: 1735689600,
  jti: '3f1c2a9e-0a5b-4c44-9a0e-6a8f8f0b7e11',
};

export const INVALID_JWE = { ok: false, code: 'invalid_jwe' } as const;

/** Re-encodes a JWE header object into a compact JWE with the other segments of `compact`. */
export function withHeader(compact: string, header: unknown): string {
  const [, ...rest] = compact.split('.');
  return [Buffer.from(JSON.stringify(header)).toString('base64url'), ...rest].join('.');
}

export function headerOf(compact: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(compact.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** `compact` with segment `index` replaced by `value`. */
export function withSegment(compact: string, index: number, value: string): string {
  const segments = compact.split('.');
  segments[index] = value;
  return segments.join('.');
}
