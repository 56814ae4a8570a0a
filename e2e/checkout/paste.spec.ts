// Pasting a number copied from elsewhere (with spaces or dashes) fills the field, formatted.
import { expectPaid, fieldFrame, openDemo, payButton } from '../support/checkout';
import { VISA } from '../support/cards';
import { expect, test } from '../support/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const copied of ['4242 4242 4242 4242', '4242-4242-4242-4242', VISA]) {
  test(`script demo: paste "${copied}" into the card number`, async ({ page }) => {
    await openDemo(page, 'script');
    // The shopper copied the number in another part of the browser; the real clipboard carries it.
    await page.evaluate((text) => navigator.clipboard.writeText(text), copied);
    const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
    await number.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(number).toHaveValue('4242 4242 4242 4242');
    await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
    await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');
    await payButton(page).click();
    await expectPaid(page, 'visa', VISA);
  });
}
