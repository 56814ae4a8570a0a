// A hostile frame from another site (127.0.0.2, e2e/fixtures/hostile/sibling.js) next to the fields
// forges protocol messages at the page and at every frame while the shopper types: the token is
// still the real one for the real card, and the sibling receives nothing.
import { MASTERCARD } from '../support/cards';
import { e2eEnv } from '../support/e2e-env';
import { takeHostileHits } from '../support/hostile-site';
import { lookupToken } from '../support/vault-lookup';
import type { Check } from './checks';
import { fillCard, openCheckout, textOf } from './shopper';
import { assertEqual, run, waitFor } from './tab';

export const securityChecks: Check[] = [
  {
    name: 'a hostile sibling frame on 127.0.0.2 changes nothing and learns nothing',
    async run(tab) {
      const { urls, merchantKey } = e2eEnv();
      await openCheckout(
        tab,
        `${urls.merchant}/fields.html?layout=split&pk=${merchantKey}`,
        ['cardNumber', 'cardExpiry', 'cardCvc', 'cardholderName', 'postalCode'],
        '#pay',
      );
      await takeHostileHits();
      await run(
        tab,
        (src) => {
          const iframe = document.createElement('iframe');
          iframe.src = src;
          iframe.title = 'advertisement';
          document.body.append(iframe);
        },
        [`${urls.hostile}/sibling.html`],
      );
      const hits: string[] = [];
      await fillCard(tab, {
        cardNumber: MASTERCARD,
        cardExpiry: '1234',
        cardCvc: '123',
        cardholderName: 'Ada Lovelace',
        postalCode: '12345',
      });
      // The sibling attacks in 20 rounds, 100 ms apart, while the shopper types.
      await waitFor(
        'the sibling’s 20 rounds',
        async () => (hits.push(...(await takeHostileHits())), hits.some((h) => h.includes('/round?n=20'))),
        Boolean,
        15_000,
      );
      await tab.click('#pay');
      const token = await waitFor(
        'a token',
        () => textOf(tab, '[data-testid="token"]'),
        (t) => /^tok_/.test(t ?? ''),
        15_000,
      );
      const found = await lookupToken(token!);
      assertEqual(
        [found.status, found.body.card?.brand, found.body.card?.last4],
        [200, 'mastercard', MASTERCARD.slice(-4)],
        'the vault’s token',
      );
      hits.push(...(await takeHostileHits()));
      assertEqual(
        hits.filter((h) => h.includes('/got?')),
        [],
        'what the sibling received',
      );
      assertEqual(await textOf(tab, '[data-testid="error"]'), '', 'the page’s error line');
    },
  },
];
