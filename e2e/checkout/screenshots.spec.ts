// Screenshots of both demos, desktop and a 375 px phone, empty and filled, for a person to look at
// (e2e/screenshots/, gitignored). The assertions only check that the layout fits the viewport.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fillCard } from '@tokenframe/sdk/testing';
import { DEMOS, openDemo } from '../support/checkout';
import { VISA } from '../support/cards';
import { expect, test } from '../support/test';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 375, height: 812 },
] as const;

// Anchored to this file: run from the repo root, a relative path left an untracked ./screenshots/.
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(import.meta.dirname, '..', 'screenshots', `${name}.png`), fullPage: true });

for (const demo of DEMOS) {
  for (const vp of VIEWPORTS) {
    test(`${demo} demo at ${vp.name} (${vp.width} px)`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await openDemo(page, demo);
      // Nothing wider than the viewport: no horizontal scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      await shot(page, `${demo}-${vp.name}-empty`);
      await fillCard(page, { number: VISA, expiry: '12/34', cvc: '123' });
      await shot(page, `${demo}-${vp.name}-filled`);
    });
  }
}
