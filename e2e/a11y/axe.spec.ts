// axe-core on both demos, frames included (AxeBuilder analyses every iframe), in each state a
// shopper goes through: empty, typing, invalid, complete — and the error and success views.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMOS, fieldFrame, openDemo, payButton } from '../support/checkout';
import { INVALID_NUMBER, VISA } from '../support/cards';
import { expect, test } from '../support/test';

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations, state "${state}"`).toEqual([]);
}

for (const demo of DEMOS) {
  test(`${demo} demo: no axe violations, empty → typing → invalid → complete → paid`, async ({ page }) => {
    await openDemo(page, demo);
    await expectNoViolations(page, 'empty');

    const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
    await number.pressSequentially('4242 42');
    await expectNoViolations(page, 'typing');

    await number.fill(INVALID_NUMBER);
    await number.blur();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'invalid');

    await number.fill(VISA);
    await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
    await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');
    await expect(number).toHaveAttribute('aria-invalid', 'false');
    await expectNoViolations(page, 'complete');

    await payButton(page).click();
    await expect(page.getByTestId('token')).toHaveText(/^tok_/);
    await expectNoViolations(page, 'paid');
  });
}

test('script demo: no axe violations with a vault error shown', async ({ page }) => {
  await openDemo(page, 'script');
  await fieldFrame(page, 'cardNumber').getByRole('textbox').fill('4000000000000119');
  await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
  await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');
  await payButton(page).click();
  await expect(page.getByTestId('error')).toBeVisible();
  await expectNoViolations(page, 'error');
});
