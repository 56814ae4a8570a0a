// Every documented test card that succeeds (TEST_CARDS, outcome 'success') tokenizes on the
// script-tag demo, and the merchant backend's lookup shows its brand and last four.
import { detectBrands } from '@tokenframe/card';
import { expectPaid, openDemo, payWith } from '../support/checkout';
import { SUCCESS_CARDS } from '../support/cards';
import { test } from '../support/test';

for (const card of SUCCESS_CARDS) {
  test(`${card.description} (${card.number.slice(-4)}) tokenizes as ${card.brand}`, async ({ page }) => {
    await openDemo(page, 'script');
    const cvc = card.brand === 'amex' ? '1234' : '123';
    await payWith(page, { number: card.number, expiry: '12/34', cvc });
    // A co-badged card is sealed with its first network unless the shopper picks another (co-badged.spec.ts).
    const networks = detectBrands(card.number)[0]?.networks ?? [];
    await expectPaid(page, card.brand, card.number, networks.length > 1 ? networks[0] : undefined);
  });
}
