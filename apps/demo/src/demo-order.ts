// The (fictional) order the checkout charges for. Amounts in cents.
export interface OrderLine {
  name: string;
  detail: string;
  cents: number;
  swatch: 'beans' | 'dripper' | 'filters';
}

export const DEMO_ORDER: readonly OrderLine[] = [
  { name: 'Yirgacheffe whole beans', detail: '250 g · Qty 2', cents: 3600, swatch: 'beans' },
  { name: 'Ceramic pour-over dripper', detail: 'Size 02 · Stoneware', cents: 2800, swatch: 'dripper' },
  { name: 'Paper filters', detail: '100 pack', cents: 600, swatch: 'filters' },
];
export const SHIPPING_CENTS = 500;

export function formatCents(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function orderTotalCents(): number {
  return DEMO_ORDER.reduce((sum, l) => sum + l.cents, SHIPPING_CENTS);
}

/**
 * What the shopper may try in test mode. The processor simulator (like the CardPointe sandbox)
 * declines totals from $1,000.00 to $1,999.99 with the code of their last three whole dollars, so
 * a decline is an order whose total lands there: a test-mode line brings it to $1,116.00
 * (116 "Insufficient funds") or $1,100.00 (100 "Do not honor"). The backend picks the amount from
 * this list; the page only names an outcome.
 */
export interface TestOutcome {
  id: 'approve' | 'insufficient_funds' | 'do_not_honor';
  label: string;
  /** The total charged, in cents. */
  totalCents: number;
}

export const TEST_OUTCOMES: readonly TestOutcome[] = [
  { id: 'approve', label: 'Approved', totalCents: orderTotalCents() },
  { id: 'insufficient_funds', label: 'Declined: insufficient funds ($1,116.00)', totalCents: 111_600 },
  { id: 'do_not_honor', label: 'Declined: do not honor ($1,100.00)', totalCents: 110_000 },
];

export function testOutcome(id: string | undefined): TestOutcome | undefined {
  return id === undefined ? TEST_OUTCOMES[0] : TEST_OUTCOMES.find((o) => o.id === id);
}
