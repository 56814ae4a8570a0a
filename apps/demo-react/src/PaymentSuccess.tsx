import { useEffect, useRef, useState } from 'react';
import { BRAND_NAMES } from './field-style';
import type { PaidCharge } from './pay-with-token';
import { RefundButton } from './RefundButton';
import { WebhookLine } from './WebhookLine';

const formatAmount = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

/** The receipt, as the script-tag demo shows it; the status region is filled after it mounts, so it is announced. */
export function PaymentSuccess({ token, charge }: { token: string; charge: PaidCharge }) {
  const title = useRef<HTMLHeadingElement>(null);
  // A co-badged card (Cartes Bancaires with Visa or Mastercard) also says the network the shopper chose.
  const via = charge.network ? ` via ${BRAND_NAMES[charge.network] ?? charge.network}` : '';
  const card = `${BRAND_NAMES[charge.brand] ?? charge.brand} ending in ${charge.last4}${via}`;
  const [status, setStatus] = useState('');
  useEffect(() => {
    setStatus(`Paid · ${card} · authorization ${charge.authcode}`);
    title.current?.focus();
  }, [card, charge.authcode]);
  return (
    <section className="success" aria-labelledby="success-title">
      <h2 id="success-title" tabIndex={-1} ref={title} aria-describedby="paid-status">
        Payment complete
      </h2>
      <p className="paid" id="paid-status" data-testid="status" role="status">
        {status}
      </p>
      <WebhookLine chargeId={charge.id} />
      <dl className="receipt">
        <div>
          <dt>Amount</dt>
          <dd data-testid="amount">{formatAmount(charge.amount, charge.currency)}</dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd data-testid="result">{card}</dd>
        </div>
        <div>
          <dt>Authorization</dt>
          <dd data-testid="authcode">{charge.authcode}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd data-testid="retref">{charge.retref}</dd>
        </div>
        <div>
          <dt>Charge</dt>
          <dd>
            <code data-testid="charge">{charge.id}</code>
          </dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>
            <code data-testid="token">{token}</code>
          </dd>
        </div>
      </dl>
      <RefundButton
        chargeId={charge.id}
        onRefunded={(r) => {
          setStatus(`Refunded ${formatAmount(r.amountRefunded, r.currency)}`);
          title.current?.focus(); // the button is gone: back to the heading the status describes
        }}
      />
      <p className="fineprint fineprint--left">
        The shop's server charged the token through the payment vault; the card number never reached the shop.
      </p>
      <a className="again" href={location.pathname + location.search}>
        Start a new checkout
      </a>
    </section>
  );
}
