// Run by scripts/check-packages.mjs inside the scratch copy of this app, after `vite build`: opens
// the built checkout in Chromium against a test vault, mounts the fields and tokenizes once per mode
// with the installed @tokenframe/sdk/testing helpers (as a merchant's own Playwright test would).
// Prints one JSON line per mode: {"mode","token"}. Env: APP_URL, PK, VAULT_URL, FRAMES_URL, CHROMIUM_PATH.
/* global URLSearchParams */
import { chromium } from '@playwright/test';
import { fillCard, waitForReady } from '@tokenframe/sdk/testing';

const { APP_URL, PK, VAULT_URL, FRAMES_URL, CHROMIUM_PATH } = process.env;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const MODES = { npm: 1, elements: 3 }; // field frames per mode

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
try {
  for (const [mode, count] of Object.entries(MODES)) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url().split('?')[0]}: ${r.failure()?.errorText}`));
    const query = new URLSearchParams({ mode, pk: PK, vault: VAULT_URL, frames: FRAMES_URL });
    await page.goto(`${APP_URL}/?${query}`, { waitUntil: 'domcontentloaded' });
    await waitForReady(page, { count, timeout: 30_000 }).catch((e) => {
      throw new Error(`${mode}: the fields did not get ready (${e.message.split('\n')[0]}); page errors: ${errors.join('; ')}`);
    });
    await fillCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
    const pay = page.getByRole('button', { name: 'Pay' });
    await pay.click({ timeout: 10_000 });
    const token = page.getByTestId('token');
    await token
      .filter({ hasText: /^tok_/ })
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(
          `${mode}: no token. Error shown: ${await page.getByTestId('error').textContent()}; page errors: ${errors.join('; ')}`,
        );
      });
    console.log(JSON.stringify({ mode, token: await token.textContent() }));
    await page.close();
  }
} finally {
  await browser.close();
}
