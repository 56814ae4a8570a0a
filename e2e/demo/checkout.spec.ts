// Smoke test of the demo checkouts themselves (the happy paths of every demo are in
// e2e/checkout/demos.spec.ts, paying and declines at the processor in pay.spec.ts): a real card
// through the real frames, vault, merchant backend and processor to "Paid" on the page; a test
// card the vault refuses shown as a shopper-friendly message in each demo; the script-tag
// page's SRI pin and CSP; no stray frames under React StrictMode.
// Fields are filled with the merchant test helper (@tokenframe/sdk/testing).
import { expect, test, type Page } from '@playwright/test';
import { fillCard, waitForReady } from '../../packages/sdk/src/testing/index';
import { e2eEnv } from '../support/e2e-env';
import { authsFor } from '../support/processor-ledger';

const CARD = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };
const DECLINED = { ...CARD, number: '4000 0000 0000 0119' }; // the vault refuses it at tokenization (402 processing_error)

const checkouts = [
  ['script tag + SRI', () => `${e2eEnv().urls.demo}/`],
  ['React, npm package', () => `${e2eEnv().urls.demoReact}/`],
  ['React, custom elements', () => `${e2eEnv().urls.demoReact}/?mode=elements`],
] as const;

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForReady(page, { count: 3 });
  await expect(page.getByRole('button', { name: /Pay/ })).toBeEnabled();
}

test('script tag + SRI: 4242 4242 4242 4242 → Paid on the page, with the charge, amount and authorization from the backend', async ({
  page,
}) => {
  await open(page, `${e2eEnv().urls.demo}/`);
  await fillCard(page, CARD);
  await page.getByRole('button', { name: /Pay \$75\.00/ }).click();
  await expect(page.getByTestId('status')).toHaveText(/^Paid · Visa ending in 4242 · authorization PPS\d+$/);
  await expect(page.getByTestId('result')).toHaveText('Visa ending in 4242');
  await expect(page.getByTestId('amount')).toHaveText('$75.00');
  await expect(page.getByTestId('charge')).toHaveText(/^ch_[A-Za-z0-9]+$/);
  await expect(page.getByTestId('retref')).toHaveText(/^\d{12}$/);
  await expect(page.getByTestId('token')).toHaveText(/^tok_[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { name: 'Payment complete' })).toBeFocused();
  const authcode = (await page.getByTestId('authcode').textContent()) ?? '';
  expect(await authsFor((await page.getByTestId('charge').textContent()) ?? '')).toMatchObject([{ authcode, amount: 7500, respstat: 'A' }]);
});

for (const [name, url] of checkouts) {
  test(`${name}: a declined test card shows a message for the shopper`, async ({ page }) => {
    await open(page, url());
    await fillCard(page, DECLINED);
    await page.getByRole('button', { name: /Pay/ }).click();
    await expect(page.getByTestId('error')).toHaveText(/could not be processed.*try another card/);
    await expect(page.getByTestId('token')).toBeHidden();
  });
}

test('script-tag demo: SDK pinned with SRI, strict CSP, exactly one frame per field plus the controller', async ({ page }) => {
  const res = await page.goto(`${e2eEnv().urls.demo}/`);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`script-src 'self' ${e2eEnv().urls.vault};`);
  expect(csp).toContain(`frame-src ${e2eEnv().urls.frames};`);
  const sdk = page.locator(`script[src^="${e2eEnv().urls.vault}/v1/tokenframe-"]`);
  await expect(sdk).toHaveAttribute('integrity', /^sha384-/);
  await waitForReady(page, { count: 3 });
  await expect(page.locator('iframe')).toHaveCount(4);
});

test('React demo under StrictMode: switching integrations leaves no stray frame', async ({ page }) => {
  await open(page, `${e2eEnv().urls.demoReact}/`);
  await expect(page.locator('iframe')).toHaveCount(4);
  await page.getByRole('radio', { name: 'Custom elements' }).check();
  await waitForReady(page, { count: 3 });
  await expect(page.getByRole('button', { name: /Pay/ })).toBeEnabled();
  await expect(page.locator('iframe')).toHaveCount(4);
  await page.getByRole('radio', { name: 'npm package' }).check();
  await expect(page.getByRole('button', { name: /Pay/ })).toBeEnabled();
  await expect(page.locator('iframe')).toHaveCount(4);
});
