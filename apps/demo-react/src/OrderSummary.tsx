import { ORDER, SHIPPING_CENTS, SUBTOTAL_CENTS, TEST_OUTCOMES, TOTAL_CENTS, formatCents, totalFor, type OutcomeId } from './demo-order';

/** The order, and in test mode the outcome to try (a decline is a total the processor declines). */
export function OrderSummary({ outcome, onOutcome, locked }: { outcome: OutcomeId; onOutcome: (id: OutcomeId) => void; locked: boolean }) {
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
        <div>
          <dt>Subtotal</dt>
          <dd>{formatCents(SUBTOTAL_CENTS)}</dd>
        </div>
        <div>
          <dt>Shipping</dt>
          <dd>{formatCents(SHIPPING_CENTS)}</dd>
        </div>
        {total !== TOTAL_CENTS && (
          <div>
            <dt>Test decline amount</dt>
            <dd data-testid="test-extra">+{formatCents(total - TOTAL_CENTS)}</dd>
          </div>
        )}
        <div className="totals__grand">
          <dt>Total</dt>
          <dd data-testid="order-total">{formatCents(total)}</dd>
        </div>
      </dl>
      <div className="testmode outcome">
        <label htmlFor="outcome">
          Outcome to try <span className="outcome__mode">(test mode)</span>
        </label>
        <select
          id="outcome"
          name="outcome"
          data-testid="outcome"
          aria-describedby="outcome-hint"
          disabled={locked}
          value={outcome}
          onChange={(e) => onOutcome(e.target.value as OutcomeId)}
        >
          {TEST_OUTCOMES.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <p id="outcome-hint">The test processor declines totals from $1,000 to $1,999 with the code of their last three dollars.</p>
      </div>
    </section>
  );
}
