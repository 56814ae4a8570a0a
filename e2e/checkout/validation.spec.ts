// What the shopper sees when the card is wrong: the field's message (shown once they leave the
// field, or on Pay), and the vault's answers for the test cards that fail, as a clear sentence in
// data-testid="error". An incomplete form never reaches the vault.
import type { Page } from '@playwright/test';
import { fillCard } from '@tokenframe/sdk/testing';
import { fieldFrame, openDemo, payButton, payWith, type Demo } from '../support/checkout';
import { INVALID_NUMBER, NON_TEST_CARD, VISA, cardFor } from '../support/cards';
import { expect, test } from '../support/test';

const fieldError = (page: Page, type: string) => page.locator(`[data-error-for="${type}"]`);

test('an incomplete number is marked once the shopper leaves the field', async ({ page }) => {
  await openDemo(page, 'script');
  const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
  await number.fill('4242 4242');
  await expect(fieldError(page, 'cardNumber')).toBeEmpty(); // not while typing
  await number.blur();
  await expect(fieldError(page, 'cardNumber')).toHaveText('Your card number is incomplete.');
});

// Issue #19: a complete number that fails Luhn said nothing until blur.
test('a full-length number failing Luhn is marked at once, focus still in the field', async ({ page }) => {
  await openDemo(page, 'script');
  const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
  await number.click();
  await number.pressSequentially(INVALID_NUMBER);
  await expect(number).toBeFocused();
  await expect(fieldError(page, 'cardNumber')).toHaveText('Your card number is invalid.');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(fieldFrame(page, 'cardNumber').getByText('Your card number is invalid.')).toBeAttached(); // read by screen readers in the frame
});

test('an expired date is marked, and fixing it clears the message', async ({ page }) => {
  await openDemo(page, 'script');
  const expiry = fieldFrame(page, 'cardExpiry').getByRole('textbox');
  await expiry.fill('01/20');
  await expiry.blur();
  await expect(fieldError(page, 'cardExpiry')).toHaveText('Your card has expired.');
  await expiry.fill('12/34');
  await expect(fieldError(page, 'cardExpiry')).toBeEmpty();
  await expect(expiry).toHaveAttribute('aria-invalid', 'false');
});

test('an incomplete CVC stops Pay in the frames: message shown, no request to the vault', async ({ page }) => {
  const tokenRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('/v1/tokens') && tokenRequests.push(r.url()));
  await openDemo(page, 'script');
  await fillCard(page, { number: VISA, expiry: '12/34', cvc: '12' });
  await payButton(page).click();
  await expect(fieldError(page, 'cardCvc')).toHaveText("Your card's security code is incomplete.");
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('token')).toBeHidden();
  expect(tokenRequests).toEqual([]);
});

const FAILURES = [
  { outcome: 'processing_error', message: 'Your card could not be processed. You have not been charged — please try another card.' },
  { outcome: 'rate_limited', message: 'Too many attempts in a short time. Please wait a minute and try again.' },
] as const;

for (const demo of ['script', 'react'] as const satisfies readonly Demo[]) {
  for (const { outcome, message } of FAILURES) {
    test(`${demo} demo: the ${outcome} test card shows a clear message and no token`, async ({ page }) => {
      await openDemo(page, demo);
      await payWith(page, { number: cardFor(outcome), expiry: '12/34', cvc: '123' });
      await expect(page.getByTestId('error')).toHaveText(message);
      await expect(page.getByTestId('token')).toBeHidden();
      await expect(payButton(page)).toBeEnabled(); // the shopper can try another card
    });
  }
}

for (const demo of ['script', 'react'] as const satisfies readonly Demo[]) {
  test(`${demo} demo: a real (non-test) card with a test key is refused with a message that says why`, async ({ page }) => {
    await openDemo(page, demo);
    await payWith(page, { number: NON_TEST_CARD, expiry: '12/34', cvc: '123' });
    const said = page.locator('[data-testid="error"], [data-error-for]').filter({ hasText: /test mode|test card/i });
    await expect(said.first()).toBeVisible({ timeout: 5_000 });
    await expect(fieldFrame(page, 'cardNumber').getByRole('textbox')).toBeFocused(); // the vault's `number` is the card number field
    await expect(page.getByTestId('token')).toBeHidden();
  });
}
