// The same-origin policy and the frames' CSP do the isolating: the merchant page cannot reach into
// a frame, and a frame refuses to render under any parent but the origin it was served for.
import { openDemo } from '../support/checkout';
import { e2eEnv } from '../support/e2e-env';
import { fieldUrl } from '../support/hostile-site';
import { expect, test } from '../support/test';

test('the merchant page cannot read the DOM of a field frame', async ({ page }) => {
  await openDemo(page, 'script');
  const attempts = await page.evaluate(() => {
    const iframe = document.querySelector<HTMLIFrameElement>('iframe[src*="type=cardNumber"]')!;
    const tries: Record<string, () => unknown> = {
      contentDocument: () => iframe.contentDocument,
      'contentWindow.document': () => iframe.contentWindow!.document.body.innerHTML,
      'contentWindow.location.href': () => iframe.contentWindow!.location.href,
      'frames[i].document': () => (window.frames[0] as Window).document.title,
    };
    return Object.fromEntries(
      Object.entries(tries).map(([name, read]) => {
        try {
          return [name, `read: ${String(read())}`];
        } catch (e) {
          return [name, (e as Error).name];
        }
      }),
    );
  });
  expect(attempts).toEqual({
    contentDocument: 'read: null',
    'contentWindow.document': 'SecurityError',
    'contentWindow.location.href': 'SecurityError',
    'frames[i].document': 'SecurityError',
  });
});

test('a field served for the demo origin does not render inside a hostile page (CSP frame-ancestors)', async ({ page }) => {
  const { urls, demo } = e2eEnv();
  const src = fieldUrl({ type: 'cardNumber', pk: demo.publishableKey, origin: urls.demo });
  const refusals: string[] = [];
  page.on('console', (m) => m.text().includes('frame-ancestors') && refusals.push(m.text()));
  const served = page.waitForResponse((r) => r.url().startsWith(`${urls.frames}/frames/v1/field.html`));
  await page.goto(`${urls.hostile}/embed.html?src=${encodeURIComponent(src)}`);
  const res = await served;
  expect(res.status()).toBe(200);
  expect(await res.headerValue('content-security-policy')).toContain(`frame-ancestors ${urls.demo}`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  // Nothing of the field ever ran: no frame of the frames origin exists in the page.
  expect(page.frames().filter((f) => f.url().startsWith(urls.frames))).toEqual([]);
});

test('a field asked for a hostile origin is refused by the vault (403, frame-ancestors none)', async ({ page }) => {
  const { urls, demo } = e2eEnv();
  const src = fieldUrl({ type: 'cardNumber', pk: demo.publishableKey, origin: urls.hostile });
  const served = page.waitForResponse((r) => r.url().startsWith(`${urls.frames}/frames/v1/field.html`));
  await page.goto(`${urls.hostile}/embed.html?src=${encodeURIComponent(src)}`);
  const res = await served;
  expect(res.status()).toBe(403);
  expect(await res.headerValue('content-security-policy')).toContain("frame-ancestors 'none'");
});
