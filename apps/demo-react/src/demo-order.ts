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
  return `$${(cents / 100).toFixed(2)}`;
}
