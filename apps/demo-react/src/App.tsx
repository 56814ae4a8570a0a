import { lazy, Suspense, useCallback, useState } from 'react';
import type { OutcomeId } from './demo-order';
import { NpmCheckout } from './NpmCheckout';
import { OrderSummary } from './OrderSummary';
import { useDemoConfig } from './use-demo-config';

// The custom-elements entry is its own chunk: the npm form never downloads it.
const ElementsCheckout = lazy(() => import('./ElementsCheckout').then((m) => ({ default: m.ElementsCheckout })));

type Mode = 'npm' | 'elements';
const MODES: { id: Mode; label: string; hint: string }[] = [
  { id: 'npm', label: 'npm package', hint: 'import { loadTokenframe } from "@tokenframe/sdk"' },
  { id: 'elements', label: 'Custom elements', hint: '<tf-fields> from "@tokenframe/sdk/elements"' },
];

function initialMode(): Mode {
  return new URLSearchParams(location.search).get('mode') === 'elements' ? 'elements' : 'npm';
}

export function App() {
  const { config, error } = useDemoConfig();
  const [mode, setMode] = useState<Mode>(initialMode);
  const [outcome, setOutcome] = useState<OutcomeId>('approve');
  // Once paid, the order's total no longer changes.
  const [paid, setPaid] = useState(false);
  const onPaid = useCallback(() => setPaid(true), []);
  const choose = (next: Mode) => {
    setMode(next);
    history.replaceState(null, '', next === 'npm' ? location.pathname : `?mode=${next}`);
  };
  return (
    <>
      <header className="topbar">
        <span className="logo">
          Kettle <span aria-hidden="true">&amp;</span>
          <span className="visually-hidden">and</span> Crumb
        </span>
        <span className="secure">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" fill="currentColor" />
          </svg>
          Secure checkout
        </span>
      </header>
      <main className="layout">
        <section className="card payment" aria-labelledby="payment-title">
          <h1 id="payment-title">Payment</h1>
          <fieldset className="modes">
            <legend>Integration (React 19, StrictMode)</legend>
            {MODES.map((m) => (
              <label key={m.id} className="modes__option">
                <input type="radio" name="mode" value={m.id} checked={mode === m.id} onChange={() => choose(m.id)} />
                <span>{m.label}</span>
              </label>
            ))}
            <code className="modes__hint">{MODES.find((m) => m.id === mode)?.hint}</code>
          </fieldset>
          <p className="testmode" role="note">
            <strong>Test mode.</strong> Use card <span className="nowrap">4242 4242 4242 4242</span>, any future expiry and any CVC. To see
            a decline, pick one under “Outcome to try” in the order summary.
          </p>
          {error && (
            <div className="alert" data-testid="error" role="alert">
              {error}
            </div>
          )}
          {config && mode === 'npm' && <NpmCheckout config={config} outcome={outcome} onPaid={onPaid} />}
          {config && mode === 'elements' && (
            <Suspense fallback={<p className="fineprint">Loading the card form…</p>}>
              <ElementsCheckout config={config} outcome={outcome} onPaid={onPaid} />
            </Suspense>
          )}
        </section>
        <OrderSummary outcome={outcome} onOutcome={setOutcome} locked={paid} />
      </main>
    </>
  );
}
