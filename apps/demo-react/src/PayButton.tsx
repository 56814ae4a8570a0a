import { formatCents } from './demo-order';

/** The Pay button and the shopper-facing error above it (same markup as the script-tag demo). */
export function PayButton({ ready, busy, error, totalCents }: { ready: boolean; busy: boolean; error: string; totalCents: number }) {
  return (
    <>
      <div className="alert" data-testid="error" role="alert" hidden={error === ''}>
        {error}
      </div>
      <button className="pay" type="submit" disabled={!ready || busy} aria-busy={busy}>
        <span className="pay__spinner" aria-hidden="true" />
        <span className="pay__label">Pay {formatCents(totalCents)}</span>
      </button>
      <p className="fineprint">Card details go straight to our payment vault in an isolated frame. This shop only ever sees a token.</p>
    </>
  );
}
