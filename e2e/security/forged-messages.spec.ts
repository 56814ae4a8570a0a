// Forged protocol messages — from a script on the merchant page (to itself and to the frames) and
// from a hostile sibling frame on another site — change nothing: tokenize still gives the real
// token for the real card, no forged token is shown, and the sibling learns nothing.
import type { Page } from '@playwright/test';
import { fillCard, waitForReady } from '@tokenframe/sdk/testing';
import { forgeMessages } from '../support/attacks';
import { MASTERCARD, VISA } from '../support/cards';
import { e2eEnv } from '../support/e2e-env';
import { takeHostileHits } from '../support/hostile-site';
import { expect, test } from '../support/test';
import { lookupToken } from '../support/vault-lookup';

async function openSplit(page: Page): Promise<void> {
  const { urls, merchantKey } = e2eEnv();
  await page.goto(`${urls.merchant}/fields.html?layout=split&pk=${merchantKey}`);
  await waitForReady(page, { count: 5 });
}

async function payAndCheck(page: Page, pan: string, brand: string): Promise<void> {
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('token')).toHaveText(/^tok_/);
  const token = (await page.getByTestId('token').textContent()) ?? '';
  expect(token).not.toContain('FORGED');
  const found = await lookupToken(token);
  expect(found.body.card).toMatchObject({ brand, last4: pan.slice(-4) });
}

test('forged HELLO/CONNECT/change/reply messages from the page itself change nothing', async ({ page }) => {
  await openSplit(page);
  const { urls } = e2eEnv();
  expect(await page.evaluate(forgeMessages, urls.frames)).toBeGreaterThan(50);
  await fillCard(page, { number: VISA, expiry: '12/34', cvc: '123', name: 'Ada Lovelace', postalCode: '12345' });
  expect(await page.evaluate(forgeMessages, urls.frames)).toBeGreaterThan(50);
  await payAndCheck(page, VISA, 'visa');
  await expect(page.getByText('FORGED')).toHaveCount(0);
});

test('a hostile sibling frame on 127.0.0.2 forging messages at parent and siblings changes nothing and learns nothing', async ({
  page,
}) => {
  await openSplit(page);
  const { urls } = e2eEnv();
  await takeHostileHits();
  await page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = 'advertisement';
    document.body.append(iframe);
  }, `${urls.hostile}/sibling.html`);
  const hits: string[] = [];
  // Wait until the sibling has run its attack rounds while the shopper types.
  await fillCard(page, { number: MASTERCARD, expiry: '12/34', cvc: '123', name: 'Ada Lovelace', postalCode: '12345' });
  await expect
    .poll(async () => (hits.push(...(await takeHostileHits())), hits.filter((h) => h.includes('/round?n=20')).length), { timeout: 15_000 })
    .toBe(1);
  await payAndCheck(page, MASTERCARD, 'mastercard');
  hits.push(...(await takeHostileHits()));
  // What the sibling received: nothing of ours (only what it sent itself could come back).
  // The sibling never messages itself, so anything it received came from the page or the frames.
  expect(hits.filter((h) => h.includes('/got?'))).toEqual([]);
});
