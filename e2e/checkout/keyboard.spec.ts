// Keyboard only: Tab into the form, type (the SDK moves focus to the next field when one becomes
// complete), Enter in the last field submits. No mouse event anywhere in this file.
import { expectPaid, fieldFrame, openDemo, type Demo } from '../support/checkout';
import { VISA } from '../support/cards';
import { expect, test } from '../support/test';

for (const demo of ['script', 'react'] as const satisfies readonly Demo[]) {
  test(`${demo} demo: Tab, type, auto-advance, Enter submits`, async ({ page }) => {
    await openDemo(page, demo);
    const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
    const expiry = fieldFrame(page, 'cardExpiry').getByRole('textbox');
    const cvc = fieldFrame(page, 'cardCvc').getByRole('textbox');

    // Tab from the top of the page until the card number has focus (the React demo has radios first).
    await expect(async () => {
      await page.keyboard.press('Tab');
      await expect(number).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await page.keyboard.type(VISA);
    await expect(expiry).toBeFocused();
    await page.keyboard.type('1234');
    await expect(cvc).toBeFocused();
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('token')).toHaveText(/^tok_/, { timeout: 5_000 });
    await expectPaid(page, 'visa', VISA);
  });
}

test('script demo: Shift+Tab walks back through the fields, Tab reaches Pay', async ({ page }) => {
  await openDemo(page, 'script');
  const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
  const expiry = fieldFrame(page, 'cardExpiry').getByRole('textbox');
  const cvc = fieldFrame(page, 'cardCvc').getByRole('textbox');
  await page.keyboard.press('Tab');
  await expect(number).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(expiry).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cvc).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(expiry).toBeFocused();
  // Focus crosses an iframe boundary asynchronously: a second Tab sent before the first one landed
  // goes to the frame that still has focus (1 run in ~10 under load).
  await page.keyboard.press('Tab');
  await expect(cvc).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /pay/i })).toBeFocused();
});
