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
  return `$${(cents / 100).toFixed(2)}`;
}

export function orderTotalCents(): number {
  return DEMO_ORDER.reduce((sum, l) => sum + l.cents, SHIPPING_CENTS);
}
