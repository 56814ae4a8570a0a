// The script-tag SDK (the built dist/tokenframe.js) in Chromium, across two real origins, against
// fake frames that run the real @tokenframe/channel: lifecycle, Shadow DOM, AbortSignal, loaderror
// codes, frame navigation, auto-advance, and the @tokenframe/sdk/testing helpers.
import { expect, test, type Page } from '@playwright/test';
import { fillCard, waitForReady } from '../../packages/sdk/src/testing/index';
import { startSdkFixtures, type SdkFixtures } from './fixtures/server';

let sites: SdkFixtures;
test.beforeAll(async () => {
  sites = await startSdkFixtures();
});
test.afterAll(async () => sites?.close());

interface Win {
  Tokenframe: { load(pk: string, o: object): Promise<{ fields(o?: object): any }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  tf: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  fields: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function open(page: Page, pk = 'pk_test_ok'): Promise<void> {
  await page.goto(`${sites.shop}/page.html`);
  await page.evaluate(
    async ([pk, frames]) => {
      const w = window as unknown as Win;
      w.tf = await w.Tokenframe.load(pk!, { vaultUrl: frames, framesUrl: frames, loadTimeoutMs: 1500 });
      w.fields = w.tf.fields();
    },
    [pk, sites.frames],
  );
}

const count = (page: Page): Promise<number> => page.locator('iframe').count();

test('mount, StrictMode double mount, tokenize with fillCard', async ({ page }) => {
  await open(page);
  await page.evaluate(async () => {
    const { fields } = window as unknown as Win;
    const number = fields.create('cardNumber');
    const first = number.mount('#a').catch((e: Error) => e.name);
    number.unmount();
    if ((await first) !== 'AbortError') throw new Error('first mount should abort');
    await Promise.all([number.mount('#a'), fields.create('cardExpiry').mount('#b'), fields.create('cardCvc').mount('#c')]);
  });
  expect(await count(page)).toBe(4);
  await waitForReady(page, { count: 3 });
  await expect(page.locator('#a iframe')).toHaveCSS('height', '44px');
  await fillCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
  const result = await page.evaluate(() => (window as unknown as Win).fields.tokenize());
  expect(result).toEqual({ token: 'tok_fake_1', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040 } });
  await page.evaluate(() => (window as unknown as Win).fields.destroy());
  expect(await count(page)).toBe(0);
});

test('auto-advance: a focused number field that turns complete moves focus to expiry', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const { fields } = window as unknown as Win;
    return Promise.all([fields.create('cardNumber').mount('#a'), fields.create('cardExpiry').mount('#b')]);
  });
  const number = page.frameLocator('#a iframe').getByLabel('Card number');
  await number.click();
  await number.pressSequentially('4242424242424242');
  await expect(page.frameLocator('#b iframe').getByLabel('Expiration date')).toBeFocused();
});

test('mounts inside a shadow root; an AbortSignal removes everything', async ({ page }) => {
  await open(page);
  const left = await page.evaluate(async () => {
    const { fields } = window as unknown as Win;
    const root = document.querySelector('#shadow-host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div></div>';
    await fields.create('card').mount(root.firstElementChild);
    const inShadow = root.querySelectorAll('iframe').length;
    const controller = new AbortController();
    const cvc = fields.create('postalCode').mount('#a', { signal: controller.signal });
    controller.abort();
    await cvc.catch(() => undefined);
    return [inShadow, document.querySelectorAll('#a iframe').length];
  });
  expect(left).toEqual([1, 0]);
  await waitForReady(page.locator('#shadow-host'));
  await fillCard(page.locator('#shadow-host'), { number: '4242424242424242' });
  expect(await page.evaluate(() => (window as unknown as Win).fields.tokenize())).toHaveProperty('token', 'tok_fake_1');
});

test.describe('loaderror', () => {
  // The messages of the first four come from the vault's status answer (the fixture uses its text).
  for (const [pk, code, message] of [
    ['pk_test_unknown_key_1', 'unknown_key', /does not know this publishable key/],
    ['pk_test_revoked_key_1', 'revoked_key', /was revoked/],
    [
      'pk_test_origin_not_allowed_1',
      'origin_not_allowed',
      /^Tokenframe: http:\/\/localhost:\d+ is not on the publishable key's allowed origins/,
    ],
    [
      'pk_test_blocked_1',
      'frame_load_timeout',
      /is framesUrl http:\/\/127\.0\.0\.1:\d+, and does the page's Content-Security-Policy allow frame-src/,
    ],
    ['pk_test_v2_1', 'incompatible_version', /another protocol than this SDK/],
  ] as const) {
    test(`${pk} → ${code}`, async ({ page }) => {
      await open(page, pk);
      const error = await page.evaluate(async () => {
        const field = (window as unknown as Win).fields.create('cardNumber');
        let event: unknown;
        field.on('loaderror', (e: unknown) => (event = e));
        const rejected = await field.mount('#a').then(
          () => null,
          (e: { code: string }) => e.code,
        );
        return { rejected, event };
      });
      expect(error.rejected).toBe(code);
      expect(error.event).toMatchObject({ code, field: 'cardNumber', message: expect.stringMatching(message) });
    });
  }
});

test('frame navigation: a reload with HELLO reconnects empty; a foreign document breaks integrity', async ({ page }) => {
  await open(page);
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    (w as unknown as { changes: unknown[] }).changes = [];
    const field = w.fields.create('card');
    field.on('change', (e: unknown) => (w as unknown as { changes: unknown[] }).changes.push(e));
    await field.mount('#a');
  });
  await page.evaluate(() => {
    const iframe = document.querySelector('#a iframe') as HTMLIFrameElement;
    iframe.src = iframe.src.replace('#', '?reload=1#');
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { changes: unknown[] }).changes))
    .toEqual([{ field: 'card', empty: true, complete: false }]);
  await fillCard(page, { number: '4242424242424242' });
  expect(await page.evaluate(() => (window as unknown as Win).fields.tokenize())).toHaveProperty('token');

  await page.evaluate((frames) => {
    (document.querySelector('#a iframe') as HTMLIFrameElement).src = `${frames}/blank.html`;
  }, sites.frames);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).fields.tokenize()), { timeout: 15_000 })
    .toEqual({ error: expect.objectContaining({ code: 'frame_integrity' }) });
});
