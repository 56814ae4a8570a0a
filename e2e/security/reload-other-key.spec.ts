// Issue #17 finding 4: a script on the merchant page re-navigates a field iframe to our own
// field.html under ANOTHER account's publishable key (its allowed origin is the demo's, so the vault
// serves it), same mount id. The frame says a valid HELLO from the frames origin, so before the fix
// the SDK took it for a reload and went on with a number field the real controller never hears from.
// A reload must come back with the same pk and origin: anything else is frame_integrity.
import { fieldFrame, openDemo, payButton } from '../support/checkout';
import { VISA } from '../support/cards';
import { e2eEnv } from '../support/e2e-env';
import { fieldUrl } from '../support/hostile-site';
import { expect, test } from '../support/test';

test('a field re-navigated under another account key is frame_integrity, not a reload', async ({ page }) => {
  const { urls, other } = e2eEnv();
  await openDemo(page, 'script');
  const { mount, src } = await page.evaluate(() => {
    const iframe = document.querySelector<HTMLIFrameElement>('iframe[src*="type=cardNumber"]')!;
    return { mount: new URL(iframe.src).hash.slice('#mount='.length), src: iframe.src };
  });
  const foreign = fieldUrl({ type: 'cardNumber', pk: other.publishableKey, origin: urls.demo, mount });
  expect(foreign).not.toBe(src);
  // Navigating the frame's window leaves the iframe's src attribute as the SDK wrote it.
  await page.evaluate(
    ([url]) => document.querySelector<HTMLIFrameElement>('iframe[src*="type=cardNumber"]')!.contentWindow!.location.replace(url!),
    [foreign],
  );
  const number = fieldFrame(page, 'cardNumber').getByRole('textbox');
  await expect(number).toBeVisible(); // the foreign document rendered: the vault served it
  await number.fill(VISA);
  await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
  await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');
  await payButton(page).click();
  // tokenize() rejects with frame_integrity; the demo shows its generic "unavailable" message, not
  // "check the card details" (what a reconnected field that the controller cannot read gave before).
  await expect(page.getByTestId('error')).toHaveText(/Payment is unavailable right now/);
  await expect(page.getByTestId('token')).toHaveText('');
});
