// The same fictional order as apps/demo (amounts in cents).
export const ORDER = [
  { name: 'Yirgacheffe whole beans', detail: '250 g · Qty 2', cents: 3600, swatch: 'beans' },
  { name: 'Ceramic pour-over dripper', detail: 'Size 02 · Stoneware', cents: 2800, swatch: 'dripper' },
  { name: 'Paper filters', detail: '100 pack', cents: 600, swatch: 'filters' },
] as const;
export const SHIPPING_CENTS = 500;
export const SUBTOTAL_CENTS = ORDER.reduce((s, l) => s + l.cents, 0);
export const TOTAL_CENTS = SUBTOTAL_CENTS + SHIPPING_CENTS;

export function formatCents(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * The test-mode outcomes, as in apps/demo/src/demo-order.ts (the backend charges its own amount
 * for the id): the processor simulator declines totals from $1,000 to $1,999 with the code of
 * their last three dollars.
 */
export type OutcomeId = 'approve' | 'insufficient_funds' | 'do_not_honor';
export const TEST_OUTCOMES: readonly { id: OutcomeId; label: string; totalCents: number }[] = [
  { id: 'approve', label: 'Approved', totalCents: TOTAL_CENTS },
  { id: 'insufficient_funds', label: 'Declined: insufficient funds ($1,116.00)', totalCents: 111_600 },
  { id: 'do_not_honor', label: 'Declined: do not honor ($1,100.00)', totalCents: 110_000 },
];
export const totalFor = (id: OutcomeId): number => TEST_OUTCOMES.find((o) => o.id === id)?.totalCents ?? TOTAL_CENTS;
