// Every field type on a merchant page of our own (support/pages/fields.html): the one-frame `card`
// field, and the split fields, each with cardholderName and postalCode. The secret-key side then
// finds exactly what the shopper typed behind the token.
import type { Page } from '@playwright/test';
import { fillCard, waitForReady } from '@tokenframe/sdk/testing';
import { AMEX, VISA } from '../support/cards';
import { e2eEnv } from '../support/e2e-env';
import { expect, test } from '../support/test';
import { lookupToken, revealToken } from '../support/vault-lookup';

async function openFields(page: Page, layout: 'card' | 'split'): Promise<void> {
  const { urls, merchantKey } = e2eEnv();
  await page.goto(`${urls.merchant}/fields.html?layout=${layout}&pk=${merchantKey}`);
  await waitForReady(page, { count: layout === 'card' ? 3 : 5 });
  await expect(page.getByRole('button', { name: 'Pay' })).toBeEnabled();
}

const CASES = [
  { layout: 'card', pan: VISA, brand: 'visa', cvc: '123' },
  { layout: 'split', pan: VISA, brand: 'visa', cvc: '123' },
  { layout: 'card', pan: AMEX, brand: 'amex', cvc: '1234' },
] as const;

for (const { layout, pan, brand, cvc } of CASES) {
  test(`${layout} layout with name and postal code: ${brand} tokenizes with every value`, async ({ page }) => {
    await openFields(page, layout);
    await fillCard(page, { number: pan, expiry: '04/31', cvc, name: 'Ada Lovelace', postalCode: 'SW1A 1AA' });
    await page.getByRole('button', { name: 'Pay' }).click();
    await expect(page.getByTestId('token')).toHaveText(/^tok_/);
    await expect(page.getByTestId('error')).toBeEmpty();
    const token = (await page.getByTestId('token').textContent()) ?? '';

    const found = await lookupToken(token);
    expect(found.status).toBe(200);
    expect(found.body.card).toMatchObject({ brand, last4: pan.slice(-4), expMonth: 4, expYear: 2031 });
    const revealed = await revealToken(token);
    expect(revealed.status).toBe(200);
    expect(revealed.body.card).toMatchObject({ number: pan, name: 'Ada Lovelace', postal: 'SW1A 1AA' });
  });
}

test('card layout: an empty name and postal code are field errors, and nothing is sent', async ({ page }) => {
  const tokenRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('/v1/tokens') && tokenRequests.push(r.url()));
  await openFields(page, 'card');
  await fillCard(page, { number: VISA, expiry: '04/31', cvc: '123' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('error')).toHaveText(/^incomplete_name: /);
  await expect(page.getByTestId('token')).toBeEmpty();
  expect(tokenRequests).toEqual([]);
});
