// Frames added by a hostile script under ANOTHER account's publishable key (its allowed origin is
// the demo's, so the vault serves them) join the real mount id. They receive no card data: the
// rogue controller cannot tokenize what the shopper typed, a rogue field's value is not taken by
// the real controller, and the real checkout tokenizes the real card.
import { expectPaid, fieldFrame, openDemo, payButton } from '../support/checkout';
import { rawFrameRequest } from '../support/attacks';
import { MASTERCARD, VISA } from '../support/cards';
import { e2eEnv } from '../support/e2e-env';
import { controllerUrl, fieldUrl } from '../support/hostile-site';
import { expect, test } from '../support/test';

test('a rogue controller and field under another account key get no card data', async ({ page }) => {
  const { urls, other } = e2eEnv();
  await openDemo(page, 'script');
  const mount = await page.evaluate(() =>
    new URL(document.querySelector<HTMLIFrameElement>('iframe[src*="type=cardNumber"]')!.src).hash.slice('#mount='.length),
  );

  // A rogue number field in the same mount, typed into with another card.
  await page.evaluate(
    (src) => {
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = 'rogue';
      document.body.append(iframe);
    },
    fieldUrl({ type: 'cardNumber', pk: other.publishableKey, origin: urls.demo, mount }),
  );
  const rogueField = page.frameLocator(`iframe[title="rogue"]`).getByRole('textbox');

  await fieldFrame(page, 'cardNumber').getByRole('textbox').fill(VISA);
  await fieldFrame(page, 'cardExpiry').getByRole('textbox').fill('12/34');
  await fieldFrame(page, 'cardCvc').getByRole('textbox').fill('123');
  await rogueField.fill(MASTERCARD);

  // A rogue controller in the same mount asks to tokenize what the shopper typed.
  const rogue = (await page.evaluate(rawFrameRequest, {
    src: controllerUrl({ pk: other.publishableKey, origin: urls.demo, mount }),
    framesOrigin: urls.frames,
    method: 'tokenize',
    params: {},
  })) as { ok: boolean; result?: { token?: string; error?: { code: string } } };
  expect(rogue.result?.token).toBeUndefined();
  // It got only its own rogue number field (same key): the shopper's expiry, filled above, never reached
  // it, so its form is incomplete there. (Without the rogue field it would stop at incomplete_number.)
  expect(rogue.result?.error?.code).toBe('incomplete_expiry');
  expect(JSON.stringify(rogue)).not.toContain('tok_');

  // The real controller takes the real fields only: Visa 4242, not the rogue Mastercard.
  await payButton(page).click();
  await expectPaid(page, 'visa', VISA);
});
