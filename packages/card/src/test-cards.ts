import { panDigits } from './pan-digits';

export type TestCardOutcome = 'success' | 'processing_error' | 'rate_limited';

export interface TestCard {
  readonly number: string;
  /** Brand id as detectBrands reports it. */
  readonly brand: string;
  readonly outcome: TestCardOutcome;
  readonly description: string;
}

/**
 * The documented test cards (TEST_CARDS.md). Test keys accept only these; live keys refuse them.
 * Every number is Luhn-valid and detected as `brand` (the tests prove it). Most are the
 * well-known numbers of the card networks' and PSPs' sandboxes, so integrators' habits carry over.
 */
export const TEST_CARDS: readonly TestCard[] = /* @__PURE__ */ Object.freeze([
  { number: '4242424242424242', brand: 'visa', outcome: 'success', description: 'Visa' },
  { number: '4000056655665556', brand: 'visa', outcome: 'success', description: 'Visa (debit)' },
  { number: '4111111111111111', brand: 'visa', outcome: 'success', description: 'Visa (classic test number)' },
  { number: '4222222222222', brand: 'visa', outcome: 'success', description: 'Visa, 13 digits' },
  { number: '4000000000000000006', brand: 'visa', outcome: 'success', description: 'Visa, 19 digits' },
  { number: '5555555555554444', brand: 'mastercard', outcome: 'success', description: 'Mastercard' },
  { number: '2223003122003222', brand: 'mastercard', outcome: 'success', description: 'Mastercard (2-series)' },
  { number: '5200828282828210', brand: 'mastercard', outcome: 'success', description: 'Mastercard (debit)' },
  { number: '5105105105105100', brand: 'mastercard', outcome: 'success', description: 'Mastercard (prepaid)' },
  { number: '378282246310005', brand: 'amex', outcome: 'success', description: 'American Express' },
  { number: '371449635398431', brand: 'amex', outcome: 'success', description: 'American Express' },
  { number: '6011111111111117', brand: 'discover', outcome: 'success', description: 'Discover' },
  { number: '6011000990139424', brand: 'discover', outcome: 'success', description: 'Discover' },
  { number: '3056930009020004', brand: 'diners', outcome: 'success', description: 'Diners Club, 16 digits' },
  { number: '36227206271667', brand: 'diners', outcome: 'success', description: 'Diners Club, 14 digits' },
  { number: '3566002020360505', brand: 'jcb', outcome: 'success', description: 'JCB' },
  { number: '6200000000000005', brand: 'unionpay', outcome: 'success', description: 'UnionPay' },
  { number: '6205500000000000004', brand: 'unionpay', outcome: 'success', description: 'UnionPay, 19 digits' },
  { number: '6221260000000000', brand: 'unionpay', outcome: 'success', description: 'UnionPay co-badged with Discover' },
  { number: '6759649826438453', brand: 'maestro', outcome: 'success', description: 'Maestro' },
  { number: '2200000000000004', brand: 'mir', outcome: 'success', description: 'Mir' },
  { number: '5066991111111118', brand: 'elo', outcome: 'success', description: 'Elo' },
  { number: '6362970000457013', brand: 'elo', outcome: 'success', description: 'Elo' },
  { number: '6062828888666688', brand: 'hipercard', outcome: 'success', description: 'Hipercard' },
  { number: '4000002500001001', brand: 'cartes_bancaires', outcome: 'success', description: 'Cartes Bancaires co-badged with Visa' },
  { number: '5555552500001001', brand: 'cartes_bancaires', outcome: 'success', description: 'Cartes Bancaires co-badged with Mastercard' },
  {
    number: '4387750101010101',
    brand: 'visa',
    outcome: 'success',
    description: 'Visa: the processor simulator approves at most $5.00 (partial approval: the vault voids it, the charge is declined)',
  },
  {
    number: '4999006200620062',
    brand: 'visa',
    outcome: 'success',
    description: 'Visa: the processor simulator answers "retry" (respstat B): the charge is declined, try_again_later',
  },
  { number: '4000000000000119', brand: 'visa', outcome: 'processing_error', description: 'Visa: the vault answers 402 processing_error' },
  {
    number: '4000000000004954',
    brand: 'visa',
    outcome: 'rate_limited',
    description: 'Visa: the vault answers 429 rate_limited with Retry-After',
  },
] satisfies TestCard[]);

let byNumber: Map<string, TestCard> | undefined;

/** Built on first use, so a bundle that only validates (the field frame) tree-shakes the list away. */
function lookup(pan: string): TestCard | undefined {
  byNumber ??= new Map(TEST_CARDS.map((card) => [card.number, card]));
  return byNumber.get(panDigits(pan) ?? '');
}

/** Whether `pan` (spaces and dashes allowed) is one of the documented test cards. */
export function isTestCard(pan: string): boolean {
  return lookup(pan) !== undefined;
}

/** What the vault does with this test card; undefined for any other number. */
export function testCardOutcome(pan: string): TestCardOutcome | undefined {
  return lookup(pan)?.outcome;
}
