// Issue #17 finding 5: a mounted CVC frame that does not answer the controller's collection (slow,
// hung) used to be forgotten after one missed 1 s window, and tokenize sealed the card without a CVC.
// Now it is a field error naming the field, and once the frame answers again the next tokenize has
// the CVC. The frame is made deaf from the test harness (Playwright runs a script inside it that
// swallows what its mount bus sends): the page itself could not do that, but a hung renderer can.
import type { Page } from '@playwright/test';
import { expectPaid, fieldFrame, openDemo, payButton } from '../support/checkout';
import { VISA } from '../support/cards';
import { authsFor } from '../support/processor-ledger';
import { expect, test } from '../support/test';

async function setCvcFrameHung(page: Page, hung: boolean): Promise<void> {
  const frame = page.frames().find((f) => f.url().includes('/frames/v1/field.html?type=cardCvc&'));
  if (!frame) throw new Error('no CVC frame');
  await frame.evaluate((on) => {
    const proto = BroadcastChannel.prototype as BroadcastChannel & { __post?: BroadcastChannel['postMessage'] };
    proto.__post ??= proto.postMessage;
    const post = proto.__post;
    proto.postMessage = on ? () => undefined : post;
  }, hung);
}

test('a mounted CVC field that does not answer: a field error, never a token without the CVC', async ({ page }) => {
  await openDemo(page, 'script');
  await fieldFrame(page, 'cardNumber').getByRole('textbox').fill(VISA);
  await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
  await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');

  await setCvcFrameHung(page, true);
  await payButton(page).click();
  await expect(page.getByTestId('error')).toHaveText(/took too long/);
  await expect(page.getByTestId('token')).toHaveText('');
  // The demo focuses the field the error names.
  await expect(fieldFrame(page, 'cardCvc').getByRole('textbox')).toBeFocused();

  // It missed the window but was not forgotten: once it answers, the token carries the CVC, and the
  // processor checked it (cvvresp M: matched; P, not processed, had the charge gone without one).
  await setCvcFrameHung(page, false);
  await payButton(page).click();
  const charge = await expectPaid(page, 'visa', VISA);
  expect(await authsFor(charge)).toMatchObject([{ cvvresp: 'M', respstat: 'A' }]);
});
