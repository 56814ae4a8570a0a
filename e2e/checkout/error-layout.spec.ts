// A field's message appearing must not move the form under the shopper's finger: each error slot
// keeps the lines its message needs (two under the half-width expiry and CVC, three on a 320 px
// phone), so Pay stays where it was and no message runs into the row below it. The React demo uses
// the same stylesheet and markup (.field, .field-error), so the script demo stands for both.
import type { Page } from '@playwright/test';
import { fieldFrame, openDemo, payButton } from '../support/checkout';
import { expect, test } from '../support/test';

const top = (page: Page) => payButton(page).evaluate((b) => b.getBoundingClientRect().top);

test('all three field errors at 320 and 375 px leave Pay where it was', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openDemo(page, 'script');
  const before = { 375: await top(page), 320: 0 };
  await page.setViewportSize({ width: 320, height: 812 });
  before[320] = await top(page);

  await fieldFrame(page, 'cardNumber').getByRole('textbox').fill('4242');
  await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('1');
  await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('1');
  await fieldFrame(page, 'cardNumber').getByRole('textbox').focus(); // leaving the CVC shows its message
  const errors = page.locator('.field-error');
  await expect(errors).toHaveText([
    'Your card number is incomplete.',
    "Your card's expiration date is incomplete.",
    "Your card's security code is incomplete.",
  ]);

  for (const width of [320, 375] as const) {
    await page.setViewportSize({ width, height: 812 });
    expect(await top(page), `Pay moved at ${width} px`).toBe(before[width]);
    const lowest = Math.max(...(await errors.evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().bottom))));
    expect(lowest, `a message runs into Pay at ${width} px`).toBeLessThanOrEqual(await top(page));
  }
});
