/**
 * DESIGN.md "The channel" step 7: card data never crosses postMessage from frame to page.
 * These checks are made by the type checker (`tsc -p packages/protocol`), which fails the build if
 * any FrameToPage type — at any depth — gains a field named like card data.
 */
import { expect, expectTypeOf, test } from 'vitest';
import { isFrameToPage } from '../src/index';
import type { FrameToPage, SealedClaims } from '../src/index';

type CardDataKey = 'pan' | 'number' | 'cardNumber' | 'cvc' | 'cvv' | 'cvc2' | 'securityCode';

/** Every property name reachable in T, through unions, arrays and nested objects. */
type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T]-?: K | DeepKeys<T[K]> }[keyof T]
    : never;

test('no frame → page message type has a card-data field, at any depth', () => {
  expectTypeOf<Extract<DeepKeys<FrameToPage>, CardDataKey>>().toEqualTypeOf<never>();
  // An index signature would let any key through unnoticed: there must be none.
  expectTypeOf<string extends DeepKeys<FrameToPage> ? true : false>().toEqualTypeOf<false>();
});

test('the check itself can see card data where it does belong (the sealed claims)', () => {
  expectTypeOf<Extract<DeepKeys<SealedClaims>, CardDataKey>>().toEqualTypeOf<'pan' | 'cvc'>();
});

test('a change event or tokenize reply carrying card data does not type-check, and its guard rejects it', () => {
  const change = {
    ns: 'tokenframe',
    type: 'event',
    name: 'change',
    // @ts-expect-error — `pan` is not a ChangeDetail field
    detail: { field: 'cardNumber', empty: false, complete: true, pan: '4242424242424242' },
  } satisfies FrameToPage;
  const reply = {
    ns: 'tokenframe',
    type: 'reply',
    id: 1,
    ok: true,
    // @ts-expect-error — `cvc` is not a CardSummary field
    result: { token: 'tok_1', card: { brand: 'visa', last4: '4242', expMonth: 1, expYear: 2030, cvc: '123' } },
  } satisfies FrameToPage;
  expect(isFrameToPage(change)).toBe(false);
  expect(isFrameToPage(reply)).toBe(false);
});
