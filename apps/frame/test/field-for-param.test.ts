// The vault's claim names → the page's field types, for every way a merchant can mount the card.
import { describe, expect, test } from 'vitest';
import type { FieldType } from '@tokenframe/protocol';
import { fieldForParam } from '../src/controller/field-for-param';

const SPLIT: FieldType[] = ['cardNumber', 'cardExpiry', 'cardCvc'];
const ALL_SPLIT: FieldType[] = [...SPLIT, 'cardholderName', 'postalCode'];
const CARD: FieldType[] = ['card'];
const CARD_EXTRAS: FieldType[] = ['card', 'cardholderName', 'postalCode'];

describe('fieldForParam', () => {
  test.each<[string | undefined, FieldType[], FieldType | undefined]>([
    ['number', SPLIT, 'cardNumber'],
    ['exp', SPLIT, 'cardExpiry'],
    ['cvc', SPLIT, 'cardCvc'],
    ['name', ALL_SPLIT, 'cardholderName'],
    ['postal', ALL_SPLIT, 'postalCode'],
    ['number', CARD, 'card'],
    ['exp', CARD, 'card'],
    ['cvc', CARD, 'card'],
    ['name', CARD_EXTRAS, 'cardholderName'],
    ['postal', CARD_EXTRAS, 'postalCode'],
    // Sent as tokenize `extra`, not from a field: nothing on the page to point at.
    ['name', SPLIT, undefined],
    ['postal', CARD, undefined],
    // Not shopper input: the controller's own request.
    ['jwe', SPLIT, undefined],
    ['sid', CARD, undefined],
    ['origin', SPLIT, undefined],
    // Already a field type, or an inherited property name: not a vault claim.
    ['cardNumber', SPLIT, undefined],
    ['constructor', SPLIT, undefined],
    [undefined, SPLIT, undefined],
  ])('param %j with %j mounted → %j', (param, mounted, field) => {
    expect(fieldForParam(param, mounted)).toBe(field);
  });
});
