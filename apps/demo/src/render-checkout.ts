// The checkout page. No inline script or style (the CSP forbids both): configuration travels in
// data-* attributes, behaviour is /checkout.js, looks are /checkout.css.
import { DEMO_ORDER, SHIPPING_CENTS, TEST_OUTCOMES, formatCents, orderTotalCents } from './demo-order';
import { escapeHtml as e } from './escape-html';
import type { SdkScript } from './sdk-script';

export interface CheckoutPageInput {
  sdk: SdkScript | undefined;
  publishableKey: string;
  vaultUrl: string;
  framesUrl: string;
}

export function renderCheckout({ sdk, publishableKey, vaultUrl, framesUrl }: CheckoutPageInput): string {
  const subtotal = DEMO_ORDER.reduce((s, l) => s + l.cents, 0);
  const total = formatCents(orderTotalCents());
  // Each outcome carries what the page shows for it; the backend charges its own amount for the id.
  const outcomes = TEST_OUTCOMES.map(
    (o) =>
      `<option value="${e(o.id)}" data-total="${e(formatCents(o.totalCents))}" data-extra="${e(formatCents(o.totalCents - orderTotalCents()))}">${e(o.label)}</option>`,
  ).join('');
  const sdkTag = sdk
    ? `<script src="${e(sdk.src)}" integrity="${e(sdk.integrity)}" crossorigin="anonymous" defer></script>`
    : '<!-- the vault publishes no SDK build yet: run `pnpm run build` and restart -->';
  const lines = DEMO_ORDER.map(
    (l) => `
          <li class="line">
            <span class="swatch swatch--${l.swatch}" aria-hidden="true"></span>
            <span class="line__text"><span class="line__name">${e(l.name)}</span><span class="line__detail">${e(l.detail)}</span></span>
            <span class="line__price">${formatCents(l.cents)}</span>
          </li>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Checkout · Kettle &amp; Crumb</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/checkout.css">
    ${sdkTag}
    <script src="/checkout.js" defer></script>
  </head>
  <body>
    <header class="topbar">
      <span class="logo">Kettle <span aria-hidden="true">&amp;</span><span class="visually-hidden">and</span> Crumb</span>
      <span class="secure"><svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" fill="currentColor"/></svg>Secure checkout</span>
    </header>
    <main class="layout">
      <section class="card payment" aria-labelledby="payment-title">
        <h1 id="payment-title">Payment</h1>
        <p class="testmode" role="note"><strong>Test mode.</strong> Use card <span class="nowrap">4242 4242 4242 4242</span>, any future expiry and any CVC.
          To see a decline, pick one under “Outcome to try” in the order summary.</p>
        <form id="checkout" class="form" novalidate
              data-publishable-key="${e(publishableKey)}" data-vault-url="${e(vaultUrl)}" data-frames-url="${e(framesUrl)}">
          <div class="field field--full">
            <span class="label" id="card-number-label" data-focus="cardNumber">Card number</span>
            <div class="input input--loading" id="card-number" data-field="cardNumber"></div>
            <p class="field-error" id="card-number-error" data-error-for="cardNumber" aria-live="polite"></p>
          </div>
          <div class="field">
            <span class="label" id="card-expiry-label" data-focus="cardExpiry">Expiry date</span>
            <div class="input input--loading" id="card-expiry" data-field="cardExpiry"></div>
            <p class="field-error" id="card-expiry-error" data-error-for="cardExpiry" aria-live="polite"></p>
          </div>
          <div class="field">
            <span class="label" id="card-cvc-label" data-focus="cardCvc">Security code</span>
            <div class="input input--loading" id="card-cvc" data-field="cardCvc"></div>
            <p class="field-error" id="card-cvc-error" data-error-for="cardCvc" aria-live="polite"></p>
          </div>
          <div class="alert" data-testid="error" role="alert" hidden></div>
          <button class="pay" id="pay" type="submit" disabled>
            <span class="pay__spinner" aria-hidden="true"></span><span class="pay__label">Pay ${total}</span>
          </button>
          <p class="fineprint">Card details go straight to our payment vault in an isolated frame. This shop only ever sees a token.</p>
        </form>
        <section class="success" id="success" aria-labelledby="success-title" hidden>
          <h2 id="success-title" tabindex="-1" aria-describedby="paid-status">Payment complete</h2>
          <p class="paid" id="paid-status" data-testid="status" role="status"></p>
          <p class="webhook" data-testid="webhook" aria-live="polite">Waiting for the vault's webhook…</p>
          <dl class="receipt">
            <div><dt>Amount</dt><dd data-testid="amount"></dd></div>
            <div><dt>Card</dt><dd data-testid="result"></dd></div>
            <div><dt>Authorization</dt><dd data-testid="authcode"></dd></div>
            <div><dt>Reference</dt><dd data-testid="retref"></dd></div>
            <div><dt>Charge</dt><dd><code data-testid="charge"></code></dd></div>
            <div><dt>Token</dt><dd><code data-testid="token"></code></dd></div>
          </dl>
          <p class="refund-row"><button type="button" class="refund" id="refund" data-testid="refund">Refund</button></p>
          <p class="refund-error" data-testid="refund-error" role="alert" hidden></p>
          <p class="fineprint fineprint--left">The shop's server charged the token through the payment vault; the card number never reached the shop.</p>
          <a class="again" href="/">Start a new checkout</a>
        </section>
      </section>
      <section class="card summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Order summary</h2>
        <ul class="lines">${lines}
        </ul>
        <dl class="totals">
          <div><dt>Subtotal</dt><dd>${formatCents(subtotal)}</dd></div>
          <div><dt>Shipping</dt><dd>${formatCents(SHIPPING_CENTS)}</dd></div>
          <div id="test-extra" hidden><dt>Test decline amount</dt><dd data-testid="test-extra"></dd></div>
          <div class="totals__grand"><dt>Total</dt><dd id="order-total" data-testid="order-total">${total}</dd></div>
        </dl>
        <div class="testmode outcome">
          <label for="outcome">Outcome to try <span class="outcome__mode">(test mode)</span></label>
          <select id="outcome" name="outcome" data-testid="outcome" aria-describedby="outcome-hint">${outcomes}</select>
          <p id="outcome-hint">The test processor declines totals from $1,000 to $1,999 with the code of their last three dollars.</p>
        </div>
      </section>
    </main>
  </body>
</html>
`;
}
