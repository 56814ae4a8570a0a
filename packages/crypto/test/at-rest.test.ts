import { describe, expect, test } from 'vitest';
import { AtRestError, fingerprint, generateKek, openBytes, openField, rewrapField, sealBytes, sealField } from '../src/at-rest';

const kekA = { id: 'kek_2025_01', key: generateKek() };
const kekB = { id: 'kek_2025_02', key: generateKek() };
const keks = new Map([
  [kekA.id, kekA.key],
  [kekB.id, kekB.key],
]);
const kekFor = (id: string) => keks.get(id);
const ROW1 = { account: 'acct_1', token: 'tok_1', field: 'pan' };
const PAN = '4242424242424242';

function replacePart(envelope: string, index: number, value: string): string {
  const parts = envelope.split('.');
  parts[index] = value;
  return parts.join('.');
}

function flipPart(envelope: string, index: number): string {
  const bytes = Buffer.from(envelope.split('.')[index]!, 'base64url');
  bytes[0]! ^= 1;
  return replacePart(envelope, index, bytes.toString('base64url'));
}

function expectOpaqueFailure(open: () => unknown) {
  expect(open).toThrow(AtRestError);
  expect(open).toThrow('The sealed field could not be opened: wrong key, wrong record or a damaged envelope.');
}

describe('sealField / openField', () => {
  test.each([
    ['a PAN', PAN],
    ['an empty string', ''],
    ['unicode', 'Zoë Ñandú 🃏'],
  ])('round trip of %s', (_name, text) => {
    const envelope = sealField(kekA, text, ROW1);
    expect(envelope.startsWith(`v1.${kekA.id}.`)).toBe(true);
    expect(envelope).not.toContain(text || '\u0000');
    expect(openField(kekFor, envelope, ROW1)).toBe(text);
  });

  test('a fresh data key and IV per call: the same input never gives the same envelope', () => {
    expect(sealField(kekA, PAN, ROW1)).not.toBe(sealField(kekA, PAN, ROW1));
  });

  test.each([
    ['another account', { ...ROW1, account: 'acct_2' }],
    ['another token', { ...ROW1, token: 'tok_2' }],
    ['another field', { ...ROW1, field: 'cvc' }],
    ['a field name that concatenation would confuse', { account: 'acct_1tok', token: '_1', field: 'pan' }],
  ])('an envelope moved to %s does not open (AAD)', (_name, aad) => {
    expectOpaqueFailure(() => openField(kekFor, sealField(kekA, PAN, ROW1), aad));
  });

  test('swapping the record ciphertexts of two rows fails; each opens only in place', () => {
    const row2 = { ...ROW1, token: 'tok_2' };
    const one = sealField(kekA, PAN, ROW1).split('.');
    const two = sealField(kekA, '5555555555554444', row2).split('.');
    const swapped = [...one.slice(0, 5), ...two.slice(5)].join('.');
    expectOpaqueFailure(() => openField(kekFor, swapped, ROW1));
    expectOpaqueFailure(() => openField(kekFor, swapped, row2));
  });

  test.each([
    ['unknown KEK id', (e: string) => e.replace(kekA.id, 'kek_gone')],
    ['KEK id swapped to another existing KEK', (e: string) => e.replace(kekA.id, kekB.id)],
    ['version v2', (e: string) => e.replace(/^v1/, 'v2')],
    ['a part missing', (e: string) => e.split('.').slice(0, 7).join('.')],
    ['wrap IV flipped', (e: string) => flipPart(e, 2)],
    ['wrapped key flipped', (e: string) => flipPart(e, 3)],
    ['wrap tag flipped', (e: string) => flipPart(e, 4)],
    ['record IV flipped', (e: string) => flipPart(e, 5)],
    ['ciphertext flipped', (e: string) => flipPart(e, 6)],
    ['tag flipped', (e: string) => flipPart(e, 7)],
    ['IV of 16 bytes', (e: string) => replacePart(e, 5, Buffer.alloc(16).toString('base64url'))],
    ['not base64url', (e: string) => e.replace(/\.([^.]+)$/, '.+++')],
    ['empty string', () => ''],
  ])('%s: the one opaque error', (_name, damage) => {
    expectOpaqueFailure(() => openField(kekFor, damage(sealField(kekA, PAN, ROW1)), ROW1));
  });

  test.each([
    ['a kek id with a dot', { id: 'a.b', key: generateKek() }],
    ['a 16-byte kek', { id: 'k', key: Buffer.alloc(16) }],
  ])('sealField with %s is misuse and throws TypeError', (_name, kek) => {
    expect(() => sealField(kek, PAN, ROW1)).toThrow(TypeError);
  });

  test('a field over 64 KiB is refused when sealing, not discovered when opening', () => {
    expect(() => sealField(kekA, 'x'.repeat(64 * 1024 + 1), ROW1)).toThrow(RangeError);
    expect(openField(kekFor, sealField(kekA, 'x'.repeat(64 * 1024), ROW1), ROW1)).toHaveLength(64 * 1024);
  });
});

describe('sealBytes / openBytes (secrets that must never become a JS string, e.g. a key)', () => {
  const notUtf8 = Buffer.from([0xff, 0x00, 0xfe, ...Array<number>(29).fill(0x80)]);

  test('round trip of 32 raw bytes that are not UTF-8; openField refuses them with the one opaque error', () => {
    const envelope = sealBytes(kekA, notUtf8, ROW1);
    expect(openBytes(kekFor, envelope, ROW1).equals(notUtf8)).toBe(true);
    expectOpaqueFailure(() => openField(kekFor, envelope, ROW1));
  });

  test('one envelope format: text sealed by sealField opens as its UTF-8 bytes, and bytes sealed by sealBytes open as text', () => {
    expect(openBytes(kekFor, sealField(kekA, PAN, ROW1), ROW1).toString('utf8')).toBe(PAN);
    expect(openField(kekFor, sealBytes(kekA, Buffer.from(PAN), ROW1), ROW1)).toBe(PAN);
  });

  test('the caller owns the buffers: sealBytes keeps no reference to its input, openBytes returns a fresh buffer each time', () => {
    const secret = Buffer.from(notUtf8);
    const envelope = sealBytes(kekA, secret, ROW1);
    secret.fill(0); // what a caller does right after sealing
    const first = openBytes(kekFor, envelope, ROW1);
    expect(first.equals(notUtf8)).toBe(true);
    first.fill(0); // what a caller does right after using it
    expect(openBytes(kekFor, envelope, ROW1).equals(notUtf8)).toBe(true);
  });

  test.each([
    ['another field', (e: string) => openBytes(kekFor, e, { ...ROW1, field: 'cvc' })],
    ['an unknown KEK', (e: string) => openBytes(() => undefined, e, ROW1)],
    ['a flipped tag', (e: string) => openBytes(kekFor, flipPart(e, 7), ROW1)],
    ['a flipped ciphertext', (e: string) => openBytes(kekFor, flipPart(e, 6), ROW1)],
  ])('openBytes with %s: the one opaque error', (_name, open) => {
    expectOpaqueFailure(() => open(sealBytes(kekA, notUtf8, ROW1)));
  });

  test.each([
    ['a string', 'abc'],
    ['a number array', [1, 2, 3]],
  ])('sealBytes of %s is misuse and throws TypeError', (_name, value) => {
    expect(() => sealBytes(kekA, value as unknown as Uint8Array, ROW1)).toThrow(TypeError);
  });

  test('over 64 KiB is refused when sealing', () => {
    expect(() => sealBytes(kekA, Buffer.alloc(64 * 1024 + 1), ROW1)).toThrow(RangeError);
  });
});

describe('rewrapField', () => {
  test('re-wraps only the data key; after it, the old KEK is no longer needed', () => {
    const original = sealField(kekA, PAN, ROW1);
    const rewrapped = rewrapField(original, kekFor, kekB);
    expect(rewrapped.split('.').slice(5)).toEqual(original.split('.').slice(5));
    expect(rewrapped.split('.')[1]).toBe(kekB.id);
    const onlyB = (id: string) => (id === kekB.id ? kekB.key : undefined);
    expect(openField(onlyB, rewrapped, ROW1)).toBe(PAN);
    expectOpaqueFailure(() => openField(onlyB, original, ROW1));
  });

  test('without the old KEK it fails with the opaque error', () => {
    expectOpaqueFailure(() => rewrapField(sealField(kekA, PAN, ROW1), () => undefined, kekB));
  });
});

describe('fingerprint', () => {
  const secret = Buffer.alloc(32, 7);

  test('stable for the same card in the same account', () => {
    expect(fingerprint(secret, 'acct_1', PAN)).toBe(fingerprint(secret, 'acct_1', PAN));
    expect(fingerprint(secret, 'acct_1', PAN)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test.each([
    ['another account', () => fingerprint(secret, 'acct_2', PAN)],
    ['another card', () => fingerprint(secret, 'acct_1', '4000056655665556')],
    ['another secret', () => fingerprint(Buffer.alloc(32, 8), 'acct_1', PAN)],
    ['a shifted account/PAN boundary', () => fingerprint(secret, 'acct_14', PAN.slice(1))],
  ])('differs for %s', (_name, other) => {
    expect(other()).not.toBe(fingerprint(secret, 'acct_1', PAN));
  });

  test('known answer: HMAC-SHA256(secret, "acct_1\\0" + pan), base64url', async () => {
    const { createHmac } = await import('node:crypto');
    expect(fingerprint(secret, 'acct_1', PAN)).toBe(createHmac('sha256', secret).update(`acct_1\u0000${PAN}`).digest('base64url'));
  });

  test('a short secret is misuse and throws', () => {
    expect(() => fingerprint(Buffer.alloc(16), 'acct_1', PAN)).toThrow(TypeError);
  });
});
