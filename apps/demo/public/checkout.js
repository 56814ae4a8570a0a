// The demo checkout's behaviour. The SDK comes from the SRI-pinned <script> tag (global
// `Tokenframe`); this file only mounts the fields, shows their state, and sends the token to the
// shop's backend, which charges it through the vault. It never sees card data: only a token, and
// the charge's brand, last four digits and authorization code.
/* global document, fetch, Tokenframe */
'use strict';

const FIELDS = [
  { type: 'cardNumber', target: '#card-number', ariaLabel: 'Card number', placeholder: '1234 1234 1234 1234' },
  { type: 'cardExpiry', target: '#card-expiry', ariaLabel: 'Expiry date', placeholder: 'MM / YY' },
  { type: 'cardCvc', target: '#card-cvc', ariaLabel: 'Security code', placeholder: 'CVC' },
];

const BRAND_NAMES = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
  mir: 'Mir',
  elo: 'Elo',
  hipercard: 'Hipercard',
  cartes_bancaires: 'Cartes Bancaires',
};

// What the shopper reads for each error code; the developer-facing message goes to the console.
const SHOPPER_MESSAGES = {
  processing_error: 'Your card could not be processed. You have not been charged — please try another card.',
  rate_limited: 'Too many attempts in a short time. Please wait a minute and try again.',
  network_error: 'We could not reach the payment service. Check your connection and try again.',
  timeout: 'The payment service took too long to answer. Please try again.',
  frame_load_timeout: 'The card form did not load. Check your connection and reload the page.',
  test_card_in_live_mode: 'This is a test card. Please use a real card.',
  live_card_in_test_mode: 'This shop is in test mode: please use one of the test cards.',
};
const FALLBACK_MESSAGE = 'Payment is unavailable right now. Please try again in a few minutes.';
const FIX_FIELDS_MESSAGE = 'Please check the card details above.';

const STYLE = {
  base: {
    color: '#1f2328',
    fontSize: '16px',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    '::placeholder': { color: '#6b7280' },
  },
  invalid: { color: '#b42318' },
};

const form = document.getElementById('checkout');
const pay = document.getElementById('pay');
const alertBox = document.querySelector('[data-testid="error"]');
const outcome = document.getElementById('outcome');

/** Test mode: the chosen outcome's total on the Pay button and in the summary (the backend charges it). */
function showOutcome() {
  const option = outcome.selectedOptions[0];
  const declines = outcome.value !== 'approve';
  document.querySelector('.pay__label').textContent = `Pay ${option.dataset.total}`;
  document.getElementById('order-total').textContent = option.dataset.total;
  document.getElementById('test-extra').hidden = !declines;
  document.querySelector('[data-testid="test-extra"]').textContent = declines ? `+${option.dataset.extra}` : '';
}
outcome.addEventListener('change', showOutcome);
showOutcome(); // a reload keeps the select's value

function shopperMessage(error) {
  if (error.type === 'card_error') return SHOPPER_MESSAGES[error.code] ?? error.message;
  if (error.type === 'integration_error' || error.type === 'api_error') console.error(`Tokenframe ${error.code}: ${error.message}`);
  return SHOPPER_MESSAGES[error.code] ?? FALLBACK_MESSAGE;
}

function showError(message) {
  alertBox.textContent = message;
  alertBox.hidden = message === '';
}

function showFieldState(type, detail) {
  const box = document.querySelector(`[data-field="${type}"]`);
  const text = document.querySelector(`[data-error-for="${type}"]`);
  const message = detail.error && !detail.empty ? detail.error.message : '';
  box.classList.toggle('input--invalid', message !== '');
  box.classList.toggle('input--complete', detail.complete);
  text.textContent = message;
  if (type === 'cardNumber') box.dataset.brand = detail.brand ?? 'unknown';
}

function setBusy(busy) {
  pay.disabled = busy;
  pay.setAttribute('aria-busy', String(busy));
  form.classList.toggle('form--busy', busy);
}

// What Enter in an <input> would do: submit the form, unless its submit button is disabled
// (still loading, or a payment in flight), as the HTML spec's implicit submission rule says.
function submitLikeEnter() {
  if (!pay.disabled) form.requestSubmit();
}

/** The shop's backend charges the token: {token, charge} when paid, {error} with a message for the shopper when not. */
async function sendTokenToBackend(token) {
  let res;
  try {
    res = await fetch('/api/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, outcome: outcome.value }),
    });
  } catch {
    return { error: { type: 'network_error', code: 'network_error', message: 'The shop did not answer.' } };
  }
  const body = await res.json().catch(() => ({}));
  if (res.ok && body.charge) return { charge: body.charge };
  // The backend words its errors for the shopper (a decline names its reason): show them as they are.
  const message = body.error?.message ?? `HTTP ${res.status}`;
  return { error: { type: 'card_error', code: body.error?.code ?? 'api_error', message } };
}

const formatAmount = (cents, currency) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

function showSuccess(token, charge) {
  // A co-badged card (Cartes Bancaires with Visa or Mastercard) also says the network the shopper chose.
  const via = charge.network ? ` via ${BRAND_NAMES[charge.network] ?? charge.network}` : '';
  const card = `${BRAND_NAMES[charge.brand] ?? charge.brand} ending in ${charge.last4}${via}`;
  const set = (id, text) => (document.querySelector(`[data-testid="${id}"]`).textContent = text);
  set('amount', formatAmount(charge.amount, charge.currency));
  set('result', card);
  set('authcode', charge.authcode);
  set('retref', charge.retref);
  set('charge', charge.id);
  set('token', token);
  form.hidden = true;
  outcome.disabled = true; // the order is paid: its total no longer changes
  document.getElementById('success').hidden = false;
  // Filled after the section shows, so the status region announces it; the heading (focused) is described by it.
  set('status', `Paid · ${card} · authorization ${charge.authcode}`);
  document.getElementById('success-title').focus();
  watchWebhooks(charge.id);
}

/**
 * The vault tells the shop's server what happened with a signed webhook (charge.succeeded, …); the
 * server records it, and this line says when it arrived. A polite live region: announced once, after
 * the "Paid" status. Asks the server every 500 ms for up to 30 s.
 */
async function watchWebhooks(chargeId) {
  const line = document.querySelector('[data-testid="webhook"]');
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const res = await fetch(`/api/orders/${encodeURIComponent(chargeId)}/events`).catch(() => undefined);
    const types = res?.ok ? ((await res.json().catch(() => ({}))).data ?? []).map((e) => e.type) : [];
    if (types.some((t) => t.startsWith('charge.'))) {
      // The order's own event first: on a narrow screen the line ends in an ellipsis.
      const ordered = [...types.filter((t) => t.startsWith('charge.')), ...types.filter((t) => !t.startsWith('charge.'))];
      line.textContent = `${types.length > 1 ? 'Webhooks' : 'Webhook'} received: ${ordered.join(', ')}`;
      line.classList.add('webhook--received');
      return;
    }
  }
  line.textContent = 'No webhook yet: the vault keeps retrying (pnpm vault webhooks list).';
}

async function main() {
  if (typeof Tokenframe === 'undefined') {
    // The SDK tag failed: vault down, or its SRI hash no longer matches (the browser refuses to run it).
    showError(FALLBACK_MESSAGE);
    console.error('Tokenframe: the SDK script did not load. Is the vault running, and does the integrity hash match /v1/sri.json?');
    return;
  }
  const { publishableKey, vaultUrl, framesUrl } = form.dataset;
  const tf = await Tokenframe.load(publishableKey, { vaultUrl, framesUrl });
  const fields = tf.fields({ style: STYLE, locale: document.documentElement.lang });
  const created = FIELDS.map((f) => {
    const field = fields.create(f.type, { ariaLabel: f.ariaLabel, placeholder: f.placeholder });
    field.on('change', (detail) => showFieldState(f.type, detail));
    // The focus ring on the box: :focus-within cannot see focus inside a cross-origin frame reliably.
    const box = document.querySelector(f.target);
    field.on('focus', () => box.classList.add('input--focus'));
    field.on('blur', () => box.classList.remove('input--focus'));
    // Enter inside a frame cannot reach this form; the field says so with `submit`.
    field.on('submit', submitLikeEnter);
    document.querySelector(`[data-focus="${f.type}"]`).addEventListener('click', () => field.focus());
    return { field, target: f.target };
  });
  try {
    await Promise.all(
      created.map(({ field, target }) => field.mount(target).then(() => document.querySelector(target).classList.remove('input--loading'))),
    );
  } catch (error) {
    for (const { target } of created) document.querySelector(target).classList.remove('input--loading');
    showError(shopperMessage(error));
    return;
  }
  pay.disabled = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    setBusy(true);
    try {
      const result = await fields.tokenize();
      if (result.error?.field) {
        // Point at the field. Its own checks already show their message under it; a refusal by
        // the vault (e.g. a real card on a test key) shows nothing there, so say why up here.
        showError(SHOPPER_MESSAGES[result.error.code] ?? FIX_FIELDS_MESSAGE);
        return fields.get(result.error.field)?.focus();
      }
      if (result.error) return showError(shopperMessage(result.error));
      const paid = await sendTokenToBackend(result.token);
      if (paid.error) return showError(shopperMessage(paid.error));
      showSuccess(result.token, paid.charge);
    } catch (error) {
      showError(shopperMessage(error)); // tokenize rejects only on frame integrity failures
    } finally {
      setBusy(false);
    }
  });
}

/**
 * The receipt's Refund button: the shop's backend refunds the whole charge (once, however often it
 * is asked: its idempotency key is the charge's). The status region then says "Refunded $75.00".
 */
function setUpRefund() {
  const button = document.getElementById('refund');
  const errorBox = document.querySelector('[data-testid="refund-error"]');
  button.addEventListener('click', async () => {
    button.disabled = true;
    errorBox.hidden = true;
    const charge = document.querySelector('[data-testid="charge"]').textContent;
    let body;
    let ok = false;
    try {
      const res = await fetch('/api/refund', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ charge }),
      });
      body = await res.json().catch(() => ({}));
      ok = res.ok && body.charge?.refunded === true;
    } catch {
      body = { error: { message: 'The shop did not answer. Please check the payment before trying again.' } };
    }
    if (!ok) {
      errorBox.textContent = body.error?.message ?? 'The refund could not be confirmed.';
      errorBox.hidden = false;
      button.disabled = false;
      return;
    }
    button.hidden = true; // nothing left to refund; focus goes back to the heading the status describes
    document.querySelector('[data-testid="status"]').textContent =
      `Refunded ${formatAmount(body.charge.amountRefunded, body.charge.currency)}`;
    document.getElementById('success-title').focus();
  });
}
setUpRefund();

main().catch((error) => {
  console.error(error);
  showError(FALLBACK_MESSAGE);
});
