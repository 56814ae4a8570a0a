// Co-badged cards (EU IFR 2015/751 art. 8; DESIGN.md "Co-badged cards"): a Cartes Bancaires number
// gets a network choice inside the number frame and inside the one-frame card field; the shopper's
// choice (by mouse or keyboard only) is sealed, stored, and returned to the merchant's backend as
// `card.network`. The merchant's `preferredNetwork` only sets the default. axe runs with the selector shown.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { waitForReady, fillCard } from '@tokenframe/sdk/testing';
import { DEMOS, expectPaid, fieldFrame, openDemo, payButton } from '../support/checkout';
import { e2eEnv } from '../support/e2e-env';
import { expect, test } from '../support/test';
import { lookupToken } from '../support/vault-lookup';

const CB_MASTERCARD = '5555552500001001';
const CB_VISA = '4000002500001001';

async function networkOf(page: Page): Promise<string | undefined> {
  const token = (await page.getByTestId('token').textContent()) ?? '';
  const found = await lookupToken(token);
  expect(found.status).toBe(200);
  return (found.body.card as { network?: string }).network;
}

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations, state "${state}"`).toEqual([]);
}

test('script demo: choose Mastercard on a Cartes Bancaires card; the backend reads card.network = mastercard', async ({ page }) => {
  await openDemo(page, 'script');
  const number = fieldFrame(page, 'cardNumber');
  await expect(number.getByRole('radiogroup')).toHaveCount(0); // nothing to choose yet
  await number.getByRole('textbox').fill(CB_MASTERCARD);
  await expect(number.getByRole('radiogroup', { name: 'Card network' })).toBeVisible();
  await expect(number.getByRole('radio')).toHaveCount(2);
  await expect(number.getByRole('radio', { name: 'Cartes Bancaires' })).toBeChecked();
  await number.getByRole('radio', { name: 'Mastercard' }).check();
  await expect(number.getByRole('radio', { name: 'Cartes Bancaires' })).not.toBeChecked();
  await fillCard(page, { expiry: '12/34', cvc: '123' });
  await payButton(page).click();
  await expectPaid(page, 'cartes_bancaires', CB_MASTERCARD, 'mastercard');
  expect(await networkOf(page)).toBe('mastercard');
});

test('react demo: the default network (CB itself) is sealed when the shopper keeps it', async ({ page }) => {
  await openDemo(page, 'react');
  await fillCard(page, { number: CB_VISA, expiry: '12/34', cvc: '123' });
  await expect(fieldFrame(page, 'cardNumber').getByRole('radio', { name: 'Cartes Bancaires' })).toBeChecked();
  await payButton(page).click();
  await expectPaid(page, 'cartes_bancaires', CB_VISA, 'cartes_bancaires');
  expect(await networkOf(page)).toBe('cartes_bancaires');
});

test('script demo, keyboard only: type, auto-advance, Shift+Tab back to the network, arrow to Mastercard, Enter pays', async ({ page }) => {
  await openDemo(page, 'script');
  const number = fieldFrame(page, 'cardNumber');
  const expiry = fieldFrame(page, 'cardExpiry').getByRole('textbox');
  const cvc = fieldFrame(page, 'cardCvc').getByRole('textbox');
  await page.keyboard.press('Tab');
  await expect(number.getByRole('textbox')).toBeFocused();
  await page.keyboard.type(CB_MASTERCARD);
  await expect(expiry).toBeFocused(); // auto-advance on the complete number
  await page.keyboard.press('Shift+Tab'); // the radio group is the number frame's last stop
  await expect(number.getByRole('radio', { name: 'Cartes Bancaires' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const mastercard = number.getByRole('radio', { name: 'Mastercard' });
  await expect(mastercard).toBeFocused();
  await expect(mastercard).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(expiry).toBeFocused(); // choosing did not move focus on by itself
  await page.keyboard.type('1234');
  await expect(cvc).toBeFocused();
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expectPaid(page, 'cartes_bancaires', CB_MASTERCARD, 'mastercard');
  expect(await networkOf(page)).toBe('mastercard');
});

for (const demo of DEMOS) {
  test(`${demo} demo: no axe violations with the network selector shown and after a choice`, async ({ page }) => {
    await openDemo(page, demo);
    const number = fieldFrame(page, 'cardNumber');
    await number.getByRole('textbox').fill(CB_VISA);
    await expect(number.getByRole('radiogroup', { name: 'Card network' })).toBeVisible();
    await expectNoViolations(page, 'selector shown');
    await number.getByRole('radio', { name: 'Visa' }).check();
    await expectNoViolations(page, 'Visa chosen');
  });
}

async function openFields(page: Page, query: string): Promise<void> {
  const { urls, merchantKey } = e2eEnv();
  await page.goto(`${urls.merchant}/fields.html?layout=card&pk=${merchantKey}&${query}`);
  await waitForReady(page, { count: 3 });
  await expect(page.getByRole('button', { name: 'Pay' })).toBeEnabled();
}

test("one-frame card field: the merchant's preferredNetwork is the default, the page's change event says so, the backend gets it", async ({
  page,
}) => {
  await openFields(page, 'preferredNetwork=mastercard');
  const card = fieldFrame(page, 'card');
  await fillCard(page, { number: CB_MASTERCARD, expiry: '04/31', cvc: '123', name: 'Ada Lovelace', postalCode: 'SW1A 1AA' });
  await expect(card.getByRole('radio', { name: 'Mastercard' })).toBeChecked();
  await expect(page.getByTestId('change')).toHaveText(
    JSON.stringify({ brand: 'cartes_bancaires', networks: ['cartes_bancaires', 'mastercard'], network: 'mastercard' }),
  );
  await expectNoViolations(page, 'card field, selector shown');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('token')).toHaveText(/^tok_/);
  expect(await networkOf(page)).toBe('mastercard');
});

test('one-frame card field, French: the choice is localized; the shopper overrides the default', async ({ page }) => {
  await openFields(page, 'locale=fr&preferredNetwork=visa');
  const card = fieldFrame(page, 'card');
  await fillCard(
    page,
    { number: CB_VISA, expiry: '04/31', cvc: '123', name: 'Ada Lovelace', postalCode: '75001' },
    { number: /numéro/i, expiry: /expiration/i, cvc: /cryptogramme/i },
  );
  await expect(card.getByRole('radiogroup', { name: 'Réseau de la carte' })).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Visa' })).toBeChecked();
  await card.getByRole('radio', { name: 'Cartes Bancaires' }).check();
  await expect(page.getByTestId('change')).toHaveText(
    JSON.stringify({ brand: 'cartes_bancaires', networks: ['cartes_bancaires', 'visa'], network: 'cartes_bancaires' }),
  );
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('token')).toHaveText(/^tok_/);
  expect(await networkOf(page)).toBe('cartes_bancaires');
});

test('a single-network card: no selector, no card.network', async ({ page }) => {
  await openFields(page, 'preferredNetwork=visa');
  await fillCard(page, { number: '4242424242424242', expiry: '04/31', cvc: '123', name: 'Ada Lovelace', postalCode: 'SW1A 1AA' });
  await expect(fieldFrame(page, 'card').getByRole('radio')).toHaveCount(0);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('token')).toHaveText(/^tok_/);
  expect(await networkOf(page)).toBeUndefined();
});
