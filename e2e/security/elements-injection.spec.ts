// Issue #17 finding 6: HTML injection (markup, no script: an unescaped review or name) into a page
// that uses the custom elements. When <tf-fields> read frames-url/vault-url from attributes, such
// markup pointed secure-looking fields at any origin: a phishing form inside the merchant's page.
// The URLs now come only from defineTokenframeElements() in script; the attributes are refused.
import { openDemo } from '../support/checkout';
import { e2eEnv } from '../support/e2e-env';
import { takeHostileHits } from '../support/hostile-site';
import { expect, test } from '../support/test';

test('injected <tf-fields frames-url=…> markup frames nothing from another origin', async ({ page }) => {
  const { urls, demo } = e2eEnv();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'react-elements');
  await takeHostileHits(); // start from an empty log
  await page.evaluate(
    ([pk, evil]) => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<tf-fields id="injected" publishable-key="${pk}" vault-url="${evil}" frames-url="${evil}"><tf-card-number label="Card number"></tf-card-number></tf-fields>`,
      );
    },
    [demo.publishableKey, urls.hostile],
  );
  await page.waitForTimeout(1_500); // what a frame from the attacker's site would take to be asked for
  expect(await page.locator(`iframe[src^="${urls.hostile}"]`).count()).toBe(0);
  expect(await takeHostileHits()).toEqual([]);
  expect(await page.locator('#injected iframe').count()).toBe(0);
  expect(errors.join('\n')).toMatch(/(vault|frames)-url> is not read/);
});

test('with a test key, a page without a CSP frame-src gets a console warning naming the frames origin', async ({ page }) => {
  const { urls } = e2eEnv();
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await openDemo(page, 'react-elements'); // the React demo's dev server sends no CSP
  await expect.poll(() => warnings.join('\n')).toContain(`frame-src ${urls.frames}`);
});
