import { useEffect, useRef } from 'react';
import { BRAND_NAMES } from './field-style';
import type { ConfirmedCard } from './pay-with-token';

export function PaymentSuccess({ token, card }: { token: string; card: ConfirmedCard }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="success" aria-labelledby="success-title">
      <h2 id="success-title" tabIndex={-1} ref={title}>Payment details received</h2>
      <p>Your card was tokenized and checked by the shop's server.</p>
      <dl className="receipt">
        <div><dt>Card</dt><dd data-testid="result">{`${BRAND_NAMES[card.brand] ?? card.brand} ending in ${card.last4}${card.network ? ` via ${BRAND_NAMES[card.network] ?? card.network}` : ''}`}</dd></div>
        <div><dt>Token</dt><dd><code data-testid="token">{token}</code></dd></div>
      </dl>
      <a className="again" href={location.pathname + location.search}>Start a new checkout</a>
    </section>
  );
}
