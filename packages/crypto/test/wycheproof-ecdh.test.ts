import { createCipheriv, createECDH, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { openJwe } from '../src/open';
import { concatKdf } from '../src/open/concat-kdf';
import { deriveSharedSecret } from '../src/open/ecdh-shared-secret';
import { CLAIMS, currentJwk, INVALID_JWE, lookup } from './fixtures';
import { ECDH_FILE, ecdhCases } from './vectors';

const cases = ecdhCases();
const valid = cases.filter((c) => c.result === 'valid');
const invalid = cases.filter((c) => c.result === 'invalid');

test('the vector file has the cases its README promises (330 valid, 23 invalid)', () => {
  expect([valid.length, invalid.length, cases.length - valid.length - invalid.length]).toEqual([330, 23, 0]);
});

describe(`${ECDH_FILE}: valid cases derive the expected shared secret (the openJwe ECDH step)`, () => {
  test.each(valid.map((c) => [c.tcId, c.comment, c] as const))('tcId %i %s', (_tcId, _comment, c) => {
    const privateKey = createPrivateKey({ key: { ...c.private }, format: 'jwk' });
    const z = deriveSharedSecret(privateKey, Buffer.from(c.public.x, 'base64url'), Buffer.from(c.public.y, 'base64url'));
    expect(z?.toString('hex')).toBe(c.shared);
  });
});

/**
 * What a vault WITHOUT the on-curve check would compute: textbook affine P-256 arithmetic, which never
 * uses the curve's `b`, so for an off-curve point it silently works on another curve (the invalid-curve
 * attack), and a coordinate ≥ p simply wraps. `undefined` when the result is the point at infinity.
 */
const P = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const mod = (n: bigint): bigint => ((n % P) + P) % P;
function inverse(n: bigint): bigint | undefined {
  let [result, base, e] = [1n, mod(n), P - 2n];
  if (base === 0n) return undefined;
  for (; e > 0n; e >>= 1n, base = (base * base) % P) if (e & 1n) result = (result * base) % P;
  return result;
}
type Point = { x: bigint; y: bigint } | null; // null: the point at infinity
function add(p: Point, q: Point): Point | undefined {
  if (p === null) return q;
  if (q === null) return p;
  const doubling = p.x === q.x;
  if (doubling && mod(p.y + q.y) === 0n) return null;
  const [num, den] = doubling ? [3n * p.x * p.x - 3n, 2n * p.y] : [q.y - p.y, q.x - p.x];
  const inv = inverse(den);
  if (inv === undefined) return undefined;
  const l = mod(num * inv);
  const x = mod(l * l - p.x - q.x);
  return { x, y: mod(l * (p.x - x) - p.y) };
}
function naiveSharedSecret(d: bigint, x: bigint, y: bigint): Buffer | undefined {
  let [result, addend]: [Point | undefined, Point | undefined] = [null, { x: mod(x), y: mod(y) }]; // a coordinate ≥ p wraps
  for (let k = d; k > 0n && result !== undefined && addend !== undefined; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = addend && add(addend, addend);
  }
  return result ? Buffer.from(result.x.toString(16).padStart(64, '0'), 'hex') : undefined;
}

const big = (b64: string): bigint => BigInt(`0x${Buffer.from(b64, 'base64url').toString('hex') || '0'}`);
const b64 = (n: bigint | Buffer): string =>
  (typeof n === 'bigint' ? Buffer.from(n.toString(16).padStart(64, '0'), 'hex') : n).toString('base64url');
/**
 * The vault key for these cases: a prime scalar, so d·P is never the point at infinity for the small-order
 * points of the invalid-curve cases (their order would have to divide d): every one gets a usable key.
 */
const vaultD = 2n ** 255n - 19n;
const vaultPublic = ((e) => (e.setPrivateKey(Buffer.from(b64(vaultD), 'base64url')), e.getPublicKey()))(createECDH('prime256v1'));
const vaultKey = createPrivateKey({
  key: { kty: 'EC', crv: 'P-256', d: b64(vaultD), x: b64(vaultPublic.subarray(1, 33)), y: b64(vaultPublic.subarray(33)) },
  format: 'jwk',
});
const vaultLookup = (kid: string): KeyObject | undefined => (kid === currentJwk.kid ? vaultKey : undefined);

/**
 * A compact JWE whose protected header carries `epk` from the start (so the GCM AAD is right) and whose
 * tag is valid under the key a vault without the on-curve check would derive: only that check stops it.
 */
function jweFor(epk: { kty: string; crv: string; x: string; y: string }): string {
  const header = Buffer.from(JSON.stringify({ alg: 'ECDH-ES', enc: 'A256GCM', kid: currentJwk.kid, epk })).toString('base64url');
  const z = naiveSharedSecret(vaultD, big(epk.x), big(epk.y)) ?? randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', concatKdf(z, 'A256GCM', 256), iv).setAAD(Buffer.from(header, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(CLAIMS)), cipher.final()]);
  return [header, '', iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

describe(`${ECDH_FILE}: every invalid public key as epk gets exactly invalid_jwe`, () => {
  // The control: the same construction with a valid epk opens, so a refusal below is the check's doing.
  test.each(
    valid
      .filter((c) => c.public.crv === 'P-256')
      .slice(0, 5)
      .map((c) => [c.tcId, c] as const),
  )('control, valid tcId %i: the JWE built around its point opens', (_tcId, c) => {
    const { kty, crv, x, y } = c.public;
    expect(openJwe(jweFor({ kty, crv, x, y }), vaultLookup)).toStrictEqual({ ok: true, kid: currentJwk.kid, claims: CLAIMS });
  });

  test('every point that claims P-256 gets a tag valid under the key a check-less vault derives', () => {
    const armed = invalid.filter(
      (c) => c.public.crv === 'P-256' && naiveSharedSecret(vaultD, big(c.public.x), big(c.public.y)) !== undefined,
    );
    expect(armed).toEqual(invalid.filter((c) => c.public.crv === 'P-256'));
    expect(armed).toHaveLength(18);
  }, 30_000); // 18 BigInt scalar multiplications: about 1 s alone, over 5 s on a loaded machine

  test.each(invalid.map((c) => [c.tcId, c.comment, c] as const))('tcId %i %s', (_tcId, _comment, c) => {
    const { kty, crv, x, y } = c.public;
    expect(openJwe(jweFor({ kty, crv, x, y }), vaultLookup)).toStrictEqual(INVALID_JWE);
  });

  // The header policy rejects wrong curves by name; the points below claim P-256 and are the
  // ones the on-curve check itself must catch, so test that check directly too.
  test.each(invalid.filter((c) => c.public.crv === 'P-256').map((c) => [c.tcId, c] as const))(
    `${ECDH_FILE} tcId %i: the ECDH step itself refuses the point`,
    (_tcId, c) => {
      const privateKey = lookup(currentJwk.kid)!;
      expect(deriveSharedSecret(privateKey, Buffer.from(c.public.x, 'base64url'), Buffer.from(c.public.y, 'base64url'))).toBeUndefined();
    },
  );
});
