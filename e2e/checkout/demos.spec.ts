// The happy path on both demos (script tag on :5173, React 19 on :5174 with the npm API and with
// the custom elements), through the merchant test helpers of @tokenframe/sdk/testing.
import { DEMOS, expectPaid, openDemo, payWith } from '../support/checkout';
import { MASTERCARD, VISA } from '../support/cards';
import { expect, test } from '../support/test';

for (const demo of DEMOS) {
  test(`${demo} demo: a shopper pays and the merchant backend confirms the card`, async ({ page, leakRecorder }) => {
    await openDemo(page, demo);
    await payWith(page, { number: VISA, expiry: '12/34', cvc: '123' });
    await expectPaid(page, 'visa', VISA);
    // The recorder really listened: the page's SDK received its HELLOs and port traffic.
    expect(leakRecorder.messageCount).toBeGreaterThan(3);
  });
}

test('script demo: formatted input with spaces is accepted as typed', async ({ page }) => {
  await openDemo(page, 'script');
  await payWith(page, { number: '5555 5555 5555 4444', expiry: '1234', cvc: '321' });
  await expectPaid(page, 'mastercard', MASTERCARD);
});
