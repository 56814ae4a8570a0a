// packages/sdk/README.md (what npm shows): "Use it" and the React custom-elements example.
import { useRef } from 'react';

declare const payButton: HTMLButtonElement;
declare function showError(message: string): void;

// #region packages/sdk/README.md: use it
import { loadTokenframe } from '@tokenframe/sdk';

const tf = await loadTokenframe('pk_test_…', {
  vaultUrl: 'https://vault.example.com',
  framesUrl: 'https://frames.example.com',
});
const fields = tf.fields({ style: { base: { fontSize: '16px' } }, locale: 'auto' });
await fields.create('card', { ariaLabel: 'Card' }).mount('#card'); // rejects with a TokenframeError if it cannot load
fields.on('change', (e) => { payButton.disabled = !e.complete; });

const result = await fields.tokenize(); // never throws for expected failures
if ('error' in result) showError(result.error.message); // { type, code, message, field? }
else await fetch('/api/pay', { method: 'POST', body: JSON.stringify({ token: result.token }) });
// #endregion

// #region packages/sdk/README.md: React custom elements
import type {} from '@tokenframe/sdk/react';
import type { TfFieldsElement } from '@tokenframe/sdk/elements';

export function Card({ pk }: { pk: string }) {
  const group = useRef<TfFieldsElement>(null);
  const pay = async () => console.log(await group.current?.tokenize());
  return (
    <>
      <tf-fields ref={group} publishable-key={pk}>
        <tf-card label="Card" />
      </tf-fields>
      <button type="button" onClick={pay}>Pay</button>
    </>
  );
}
// #endregion
