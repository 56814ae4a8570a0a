// The sealed-claims schema, network claim included: a co-badged card's chosen network (EU IFR art. 8)
// must be one of that number's networks, and a bad claim is named without its value.
import { describe, expect, test } from 'vitest';
import { parseClaims } from '../src/services/parse-claims';

const BASE = {
  pan: '4000002500001001', // Cartes Bancaires co-badged with Visa
  expMonth: 12,
  expYear: 2099,
  aud: 'http://127.0.0.1:4000',
  pk: 'pk_test_abc',
  sid: 'ses_abc',
  origin: 'http://localhost:5173',
  iat: 1_700_000_000,
  jti: 'abcdefghijklmnop',
};

describe('parseClaims: network', () => {
  test('no network claim is fine (single-network cards, older frames)', () => {
    const r = parseClaims(BASE);
    expect(r.ok).toBe(true);
    expect(r.ok && r.claims.network).toBeUndefined();
  });

  test.each([
    ['4000002500001001', 'cartes_bancaires'],
    ['4000002500001001', 'visa'],
    ['5555552500001001', 'mastercard'],
    ['5555552500001001', 'cartes_bancaires'],
    ['6221260000000000', 'discover'],
    ['4242424242424242', 'visa'],
  ])('%s may route on %s', (pan, network) => {
    const r = parseClaims({ ...BASE, pan, network });
    expect(r).toEqual({ ok: true, claims: { ...BASE, pan, network } });
  });

  test.each([
    ['4000002500001001', 'mastercard'], // CB on a Visa BIN cannot route on Mastercard
    ['5555552500001001', 'visa'],
    ['4242424242424242', 'cartes_bancaires'],
    ['4242424242424242', 'mastercard'],
    ['4000002500001001', 'VISA'],
    ['4000002500001001', ''],
    ['4000002500001001', 'visa '],
    ['4000002500001001', 'x'.repeat(33)],
    ['4000002500001001', ['visa']],
    ['4000002500001001', 1],
    ['4000002500001001', null],
    ['9999999999999999', 'visa'], // no brand at all
  ])('%s with network %j is refused, naming only the claim', (pan, network) => {
    expect(parseClaims({ ...BASE, pan, network })).toEqual({ ok: false, claim: 'network' });
  });

  test('a bad pan is reported as the pan, not as the network', () => {
    expect(parseClaims({ ...BASE, pan: 'abc', network: 'visa' })).toEqual({ ok: false, claim: 'pan' });
  });
});
