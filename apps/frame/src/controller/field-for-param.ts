/**
 * Which of the mount's fields a vault card error is about. The vault names the sealed claim it
 * refused (`param`: `number`, `exp`, `cvc`, …); the page knows only fields, and `fields.get(field)`
 * must find one. The one-frame `card` field holds number, expiry and CVC, so it answers for all
 * three when it is mounted. A param no mounted field holds (`jwe`, `sid`, `origin`, or a name sent
 * as tokenize `extra`) names no field: the merchant could not point the shopper anywhere.
 */
import type { FieldType } from '@tokenframe/protocol';

const FIELD_OF_CLAIM: Readonly<Record<string, FieldType>> = {
  number: 'cardNumber',
  exp: 'cardExpiry',
  cvc: 'cardCvc',
  name: 'cardholderName',
  postal: 'postalCode',
};

const IN_CARD_FIELD: ReadonlySet<FieldType> = new Set(['cardNumber', 'cardExpiry', 'cardCvc']);

export function fieldForParam(param: string | undefined, mounted: readonly FieldType[]): FieldType | undefined {
  const split = param !== undefined && Object.hasOwn(FIELD_OF_CLAIM, param) ? FIELD_OF_CLAIM[param] : undefined;
  if (split === undefined) return undefined;
  if (IN_CARD_FIELD.has(split) && mounted.includes('card')) return 'card';
  return mounted.includes(split) ? split : undefined;
}
