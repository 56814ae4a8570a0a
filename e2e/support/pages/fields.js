// A merchant page of our own, for field types the demos do not use: the one-frame `card` field or
// the split fields, each with cardholderName and postalCode. State goes to data-testid elements;
// the spec looks the token up with the secret key, as a merchant backend would.
/* global document, location, URLSearchParams, Tokenframe */
'use strict';

const params = new URLSearchParams(location.search);
const LAYOUTS = {
  card: [['card', 'Card']], // ariaLabel names the card's group; its inputs keep their own names
  split: [
    ['cardNumber', 'Card number'],
    ['cardExpiry', 'Expiry date'],
    ['cardCvc', 'Security code'],
  ],
};
const types = [...LAYOUTS[params.get('layout') ?? 'card'], ['cardholderName', 'Name on card'], ['postalCode', 'Postal code']];

async function main() {
  const tf = await Tokenframe.load(params.get('pk'), { vaultUrl: 'http://127.0.0.1:4000', framesUrl: 'http://127.0.0.1:4001' });
  // ?locale= and ?preferredNetwork= (co-badged cards) are passed through as the merchant would set them.
  const preferredNetwork = params.get('preferredNetwork');
  const fields = tf.fields({ locale: params.get('locale') ?? 'en', ...(preferredNetwork && { preferredNetwork }) });
  // State only (brand, networks, the selected network): what a merchant page may show.
  fields.on('change', (e) => {
    const number = e.fields.card ?? e.fields.cardNumber;
    if (number)
      document.querySelector('[data-testid="change"]').textContent = JSON.stringify({
        brand: number.brand,
        networks: number.networks,
        network: number.network,
      });
  });
  const box = document.getElementById('fields');
  await Promise.all(
    types.map(([type, label]) => {
      const div = document.createElement('div');
      div.className = 'field';
      div.id = `field-${type}`;
      box.append(div);
      return fields.create(type, { ariaLabel: label }).mount(div);
    }),
  );
  const pay = document.getElementById('pay');
  pay.disabled = false;
  document.getElementById('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await fields.tokenize();
    document.querySelector('[data-testid="error"]').textContent = result.error ? `${result.error.code}: ${result.error.message}` : '';
    document.querySelector('[data-testid="token"]').textContent = result.token ?? '';
  });
}

main().catch((e) => {
  document.querySelector('[data-testid="error"]').textContent = `load failed: ${e.code ?? ''} ${e.message}`;
});
