// The script-tag snippets of README.md and docs/integration.md ("2. The script tag"), type-checked
// against the npm package's types: the global `Tokenframe` is `{ load: loadTokenframe, … }`.
import type { Field, FieldsChangeEvent, TokenframeErrorShape, loadTokenframe } from '@tokenframe/sdk';

declare const Tokenframe: { load: typeof loadTokenframe };
declare const payButton: HTMLButtonElement;
declare const form: HTMLFormElement;
declare const field: Field;
declare const box: HTMLElement;
declare function showFieldError(error: FieldsChangeEvent['error']): void;
declare function showError(error: TokenframeErrorShape): void;

export async function readme() {
  // #region README.md: put it on your page
  const tf = await Tokenframe.load('pk_test_…', { vaultUrl: 'https://vault.example.com', framesUrl: 'https://frames.example.com' });
  const fields = tf.fields();
  await fields.create('card', { ariaLabel: 'Card' }).mount('#card');
  const result = await fields.tokenize(); // { token, card: { brand, last4, expMonth, expYear } } | { error }
  // #endregion
  return result;
}

export async function integration() {
  // #region docs/integration.md: script tag
  const tf = await Tokenframe.load('pk_test_…', {
    vaultUrl: 'https://vault.example.com',
    framesUrl: 'https://frames.example.com',
  });
  const fields = tf.fields({
    style: { base: { fontSize: '16px', color: '#1f2328', '::placeholder': { color: '#6b7280' } }, invalid: { color: '#b42318' } },
    locale: 'en',
  });
  await Promise.all([
    fields.create('cardNumber', { ariaLabel: 'Card number' }).mount('#card-number'),
    fields.create('cardExpiry', { ariaLabel: 'Expiry date' }).mount('#card-expiry'),
    fields.create('cardCvc', { ariaLabel: 'Security code' }).mount('#card-cvc'),
  ]); // rejects with a TokenframeError (code + message for you) if a frame cannot load

  fields.on('change', (e) => { payButton.disabled = !e.complete; showFieldError(e.error); });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await fields.tokenize();        // never throws for expected failures
    if ('error' in result) return showError(result.error); // { type, code, message, field? }
    await fetch('/api/pay', { method: 'POST', headers: { 'content-type': 'application/json' },
                              body: JSON.stringify({ token: result.token }) });
  });
  // #endregion
}

export function enterAndFocus() {
  // #region docs/integration.md: Enter submits
  field.on('submit', () => { if (!payButton.disabled) form.requestSubmit(); });
  // #endregion
  // #region docs/integration.md: focus ring
  field.on('focus', () => box.classList.add('is-focused'));
  field.on('blur', () => box.classList.remove('is-focused'));
  // .is-focused { box-shadow: 0 0 0 3px #0a66d855; outline: 2px solid transparent; } — the outline shows in forced colors
  // #endregion
}
