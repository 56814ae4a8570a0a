// Browser zoom makes a CSS pixel bigger: a 1280 × 900 window at 200 % lays out 640 × 450 CSS px at
// devicePixelRatio 2, and at 400 % 320 × 225 (the width WCAG 1.4.10 "Reflow" asks to work without
// horizontal scrolling). A field frame is as tall as the SDK makes it from the frame's `resize`
// message; nothing inside may be cut off: every input ends inside its frame, and the page never
// scrolls sideways. Checked on the script demo (split fields) and on our merchant page's one-frame
// `card` field, which wraps onto two rows in a narrow frame.
import type { Page } from '@playwright/test';
import { waitForReady } from '@tokenframe/sdk/testing';
import { openDemo } from '../support/checkout';
import { e2eEnv } from '../support/e2e-env';
import { expect, test } from '../support/test';

const AT_200 = { width: 640, height: 450 };
const AT_400 = { width: 320, height: 225 };

/** For each field frame: how much of its inputs the iframe cuts off, in CSS px (0 when all fit). */
async function clipped(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const frame of page.frames().filter((f) => f.url().includes('/frames/v1/field.html'))) {
    const type = new URL(frame.url()).searchParams.get('type') ?? '?';
    const iframe = await frame.frameElement();
    // The iframe's inner size (no border), in the page's CSS px; zoom scales the frame's CSS px alike.
    const { height, width } = await iframe.evaluate((el) => ({
      height: (el as HTMLIFrameElement).clientHeight,
      width: (el as HTMLIFrameElement).clientWidth,
    }));
    // Visible inputs only: the autofill companions sit off-screen on purpose.
    const ends = await frame
      .locator('input:not([tabindex="-1"])')
      .evaluateAll((inputs) => inputs.map((i) => ({ bottom: i.getBoundingClientRect().bottom, right: i.getBoundingClientRect().right })));
    out[type] = Math.max(0, ...ends.map((e) => Math.ceil(e.bottom - height)), ...ends.map((e) => Math.ceil(e.right - width)));
  }
  return out;
}

async function expectNothingClipped(page: Page, types: readonly string[], { reflow = true } = {}): Promise<void> {
  // The height arrives with the frame's resize message after layout: poll until it settles.
  const none = Object.fromEntries(types.map((t) => [t, 0]));
  await expect.poll(() => clipped(page), { message: 'CSS px of inputs cut off by their frame' }).toEqual(none);
  if (reflow)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'horizontal scroll').toBeLessThanOrEqual(0);
}

const SPLIT = ['cardNumber', 'cardExpiry', 'cardCvc'];
const CARD = ['card', 'cardholderName', 'postalCode'];

test.describe('zoomed (devicePixelRatio 2)', () => {
  test.use({ viewport: AT_200, deviceScaleFactor: 2 });

  test('script demo at 200 % and 400 %: every field input fits its frame, no sideways scroll', async ({ page }) => {
    await openDemo(page, 'script');
    await expectNothingClipped(page, SPLIT);
    await page.setViewportSize(AT_400);
    await expectNothingClipped(page, SPLIT);
  });

  // Our test page's own CSS gives its iframes a border outside their 100 % width (2px of sideways
  // scroll at 320 px): that is the fixture, not the field, so only the frames are checked here.
  test('one-frame card field at 200 % and 400 % (two rows): every input fits its frame', async ({ page }) => {
    const { urls, merchantKey } = e2eEnv();
    await page.goto(`${urls.merchant}/fields.html?layout=card&pk=${merchantKey}`);
    await waitForReady(page, { count: 3 });
    await expectNothingClipped(page, CARD, { reflow: false });
    await page.setViewportSize(AT_400);
    const card = page.locator('iframe[src*="type=card&"]');
    // 320 CSS px is below the card's one-row width: the frame grows to two rows of inputs.
    await expect.poll(() => card.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(40);
    await expectNothingClipped(page, CARD, { reflow: false });
  });
});
