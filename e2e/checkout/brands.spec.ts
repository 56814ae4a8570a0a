// Every documented test card that succeeds (TEST_CARDS, outcome 'success') tokenizes on the
// script-tag demo, and the merchant backend charges it: "Paid" with its brand and last four. The
// simulator's own sandbox cards (partial approval, retry) tokenize too, and the charge is declined
// with a message for the shopper.
import { detectBrands } from '@tokenframe/card';
import { expectPaid, openDemo, payWith } from '../support/checkout';
import { PROCESSOR_DECLINED, SUCCESS_CARDS } from '../support/cards';
import { expect, test } from '../support/test';

for (const card of SUCCESS_CARDS) {
  const declined = PROCESSOR_DECLINED.get(card.number);
  test(`${card.description} (${card.number.slice(-4)}) tokenizes as ${card.brand} and ${declined ? 'is declined by the processor' : 'is paid'}`, async ({
    page,
  }) => {
    await openDemo(page, 'script');
    const cvc = card.brand === 'amex' ? '1234' : '123';
    await payWith(page, { number: card.number, expiry: '12/34', cvc });
    // A co-badged card is sealed with its first network unless the shopper picks another (co-badged.spec.ts).
    const networks = detectBrands(card.number)[0]?.networks ?? [];
    if (!declined) return void (await expectPaid(page, card.brand, card.number, networks.length > 1 ? networks[0] : undefined));
    await expect(page.getByTestId('error')).toHaveText(declined);
    await expect(page.getByTestId('status')).toBeHidden();
  });
}
