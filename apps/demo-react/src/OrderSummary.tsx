import { ORDER, SHIPPING_CENTS, SUBTOTAL_CENTS, TOTAL_CENTS, formatCents, totalFor, type OutcomeId } from './demo-order';

export function OrderSummary({ outcome }: { outcome: OutcomeId }) {
  const total = totalFor(outcome);
  return (
    <section className="card summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Order summary</h2>
      <ul className="lines">
        {ORDER.map((l) => (
          <li className="line" key={l.name}>
            <span className={`swatch swatch--${l.swatch}`} aria-hidden="true" />
            <span className="line__text">
              <span className="line__name">{l.name}</span>
              <span className="line__detail">{l.detail}</span>
            </span>
            <span className="line__price">{formatCents(l.cents)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div><dt>Subtotal</dt><dd>{formatCents(SUBTOTAL_CENTS)}</dd></div>
        <div><dt>Shipping</dt><dd>{formatCents(SHIPPING_CENTS)}</dd></div>
        {total !== TOTAL_CENTS && <div><dt>Test decline amount</dt><dd data-testid="test-extra">+{formatCents(total - TOTAL_CENTS)}</dd></div>}
        <div className="totals__grand"><dt>Total</dt><dd data-testid="order-total">{formatCents(total)}</dd></div>
      </dl>
    </section>
  );
}
