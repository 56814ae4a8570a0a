import { describe, expect, test } from 'vitest';
import { loadLocale } from '@tokenframe/fields';
import { readCard } from '../src/controller/read-card';
import type { FieldType } from '@tokenframe/protocol';

const SPLIT: FieldType[] = ['cardNumber', 'cardExpiry', 'cardCvc'];
const GOOD = { number: '4242 4242 4242 4242', expiry: '12 / 40', cvc: '123' };

describe('readCard', () => {
  test.each([
    ['an empty form', SPLIT, {}, 'incomplete_number', 'cardNumber'],
    ['a short number', SPLIT, { ...GOOD, number: '4242' }, 'incomplete_number', 'cardNumber'],
    ['a Luhn failure', SPLIT, { ...GOOD, number: '4242 4242 4242 4241' }, 'invalid_number', 'cardNumber'],
    ['no expiry', SPLIT, { ...GOOD, expiry: '' }, 'incomplete_expiry', 'cardExpiry'],
    ['an expired card', SPLIT, { ...GOOD, expiry: '01 / 20' }, 'expired_card', 'cardExpiry'],
    ['a short CVC', SPLIT, { ...GOOD, cvc: '12' }, 'incomplete_cvc', 'cardCvc'],
    ['amex with a 3-digit CVC', SPLIT, { ...GOOD, number: '3782 822463 10005', cvc: '123' }, 'incomplete_cvc', 'cardCvc'],
    ['the card field reports as card', ['card'], { ...GOOD, cvc: '' }, 'incomplete_cvc', 'card'],
    ['an empty name field', [...SPLIT, 'cardholderName'], { ...GOOD, name: ' ' }, 'incomplete_name', 'cardholderName'],
    ['a bad postal code', [...SPLIT, 'postalCode'], { ...GOOD, postal: '<>' }, 'invalid_postal', 'postalCode'],
  ] as const)('%s → %s on %s', (_name, fields, values, code, field) => {
    const r = readCard({ fields: [...fields], values, missing: [] }, undefined);
    expect(r).toEqual({ ok: false, error: { type: 'card_error', code, message: expect.any(String), field } });
  });

  test.each([
    ['split fields', SPLIT, GOOD, undefined, { pan: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' }],
    ['no CVC field: no cvc claim', ['cardNumber', 'cardExpiry'], GOOD, undefined, { pan: '4242424242424242', expMonth: 12, expYear: 2040 }],
    [
      'name and postal from the fields',
      ['card', 'cardholderName', 'postalCode'],
      { ...GOOD, name: ' Jane Doe ', postal: '10115' },
      undefined,
      { pan: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', name: 'Jane Doe', postal: '10115' },
    ],
    [
      'name and postal from tokenize extras',
      ['card'],
      GOOD,
      { name: 'Jane', postal: 'SW1A 1AA' },
      { pan: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', name: 'Jane', postal: 'SW1A 1AA' },
    ],
  ] as const)('%s', (_name, fields, values, extra, card) => {
    expect(readCard({ fields: [...fields], values, missing: [] }, extra)).toEqual({ ok: true, card });
  });

  test.each([
    ['the selected network of a Cartes Bancaires card', ['card'], { number: '5555 5525 0000 1001', network: 'mastercard' }, 'mastercard'],
    ['CB itself', SPLIT, { number: '4000 0025 0000 1001', network: 'cartes_bancaires' }, 'cartes_bancaires'],
    ['a network this number cannot route on: not sealed', SPLIT, { number: '4000 0025 0000 1001', network: 'mastercard' }, undefined],
    ['a single-network card: no network claim', SPLIT, { number: '4242 4242 4242 4242', network: 'visa' }, undefined],
  ] as const)('co-badged: %s', (_name, fields, number, network) => {
    const r = readCard({ fields: [...fields], values: { ...GOOD, ...number }, missing: [] }, undefined);
    expect(r.ok).toBe(true);
    expect(r.ok && r.card.network).toBe(network);
    expect(r.ok && Object.keys(r.card).includes('network')).toBe(network !== undefined);
  });

  test.each([
    ['the CVC field', ['cardNumber', 'cardExpiry'], 'cardCvc'],
    ['the number field (before any other check)', ['cardExpiry', 'cardCvc'], 'cardNumber'],
  ] as const)('a mounted field that did not answer (%s): a field error, never a card without it', (_name, answered, silent) => {
    const r = readCard({ fields: [...answered], values: GOOD, missing: [silent] }, undefined);
    expect(r).toEqual({
      ok: false,
      error: { type: 'network_error', code: 'timeout', message: expect.stringContaining(silent), field: silent },
    });
  });

  test('messages follow the locale', async () => {
    await loadLocale('de');
    const r = readCard({ fields: SPLIT, values: {}, missing: [] }, undefined, 'de');
    expect(r.ok || r.error.message).toBe('Die Kartennummer ist unvollständig.');
  });
});
