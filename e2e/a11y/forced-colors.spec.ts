// Windows High Contrast (forced colors): the browser replaces author colours with system colours
// and drops box-shadows, so a ring drawn with box-shadow vanishes. In every demo, each field box must
// keep a visible border; the focused field — and only it — a visible ring on the page; and the frame's
// own input a ring drawn inside the frame (an outset outline is clipped by the frame's edges).
import type { Locator, Page } from '@playwright/test';
import { DEMOS, fieldFrame, openDemo } from '../support/checkout';
import { expect, test } from '../support/test';

const TYPES = ['cardNumber', 'cardExpiry', 'cardCvc'] as const;

/** The page's box around a field's frame (the demos give it no id in React, so find it by its frame). */
const boxOf = (page: Page, type: string) => page.locator('.input', { has: page.locator(`iframe[src*="type=${type}&"]`) });

/** A computed colour that paints something: not `transparent` and not alpha 0. */
const paints = (color: string) => color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);

/** Style, width and colour of a box's border (`border-top`) or outline, as computed in forced colors. */
function lineOf(el: Locator, prop: 'border-top' | 'outline') {
  return el.evaluate((e, prop) => {
    const s = getComputedStyle(e);
    return {
      style: s.getPropertyValue(`${prop}-style`),
      width: parseFloat(s.getPropertyValue(`${prop}-width`)),
      color: s.getPropertyValue(`${prop}-color`),
    };
  }, prop);
}

for (const demo of DEMOS) {
  test(`${demo} demo in forced colors: boxes keep borders, the focused field has a ring on the page and in its frame`, async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openDemo(page, demo);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);

    for (const type of TYPES) {
      const border = await lineOf(boxOf(page, type), 'border-top');
      expect(border.style, `${type} box border`).not.toBe('none');
      expect(border.width, `${type} box border`).toBeGreaterThanOrEqual(1);
      expect(paints(border.color), `${type} box border colour ${border.color}`).toBe(true);
    }

    for (const focused of ['cardCvc', 'cardExpiry'] as const) {
      const input = fieldFrame(page, focused).getByRole('textbox');
      await input.click();
      // The page's ring follows the field's focus events, on that box only.
      await expect(boxOf(page, focused)).toHaveClass(/\binput--focus\b/);
      for (const other of TYPES.filter((t) => t !== focused)) await expect(boxOf(page, other)).not.toHaveClass(/\binput--focus\b/);
      const ring = await lineOf(boxOf(page, focused), 'outline');
      expect(ring.style, `${focused} page ring`).not.toBe('none');
      expect(ring.width, `${focused} page ring`).toBeGreaterThanOrEqual(2);
      expect(paints(ring.color), `${focused} page ring colour ${ring.color}`).toBe(true);

      // The frame's ring: visible, and drawn inside the input, which lies inside the frame's viewport.
      const inner = await input.evaluate((i) => {
        const s = getComputedStyle(i);
        const r = i.getBoundingClientRect();
        return {
          style: s.outlineStyle,
          width: parseFloat(s.outlineWidth),
          offset: parseFloat(s.outlineOffset),
          color: s.outlineColor,
          inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        };
      });
      expect(inner.style, `${focused} frame ring`).not.toBe('none');
      expect(inner.width, `${focused} frame ring`).toBeGreaterThanOrEqual(2);
      expect(paints(inner.color), `${focused} frame ring colour ${inner.color}`).toBe(true);
      expect(inner.offset, `${focused} frame ring is inset`).toBeLessThanOrEqual(-inner.width);
      expect(inner.inside, `${focused} input inside its frame`).toBe(true);
    }
  });
}
