// Style injection: a hostile script on the merchant page talks to a field frame itself (it may:
// the page's origin is the allowed one) and sends `configure` with every trick we know for making
// CSS fetch something. The frames make no request anywhere but the frames origin and the vault
// API, and nothing reaches the attacker's server.
import { rawFrameRequest } from '../support/attacks';
import { e2eEnv } from '../support/e2e-env';
import { fieldUrl, takeHostileHits } from '../support/hostile-site';
import { expect, test } from '../support/test';

test('url(), expression(), @import and friends in style make no outbound request from the frames', async ({ page, context }) => {
  const { urls, merchantKey } = e2eEnv();
  const evil = `${urls.hostile}/leak`;
  const fromFrames: string[] = [];
  context.on('request', (r) => {
    const frameUrl = r.frame()?.url() ?? '';
    if (frameUrl.startsWith(urls.frames) && !r.url().startsWith(urls.frames) && !r.url().startsWith(urls.vault)) fromFrames.push(r.url());
  });
  await page.goto(`${urls.merchant}/fields.html?layout=split&pk=${merchantKey}`); // an allowed origin, fields not needed
  await takeHostileHits();
  const style = {
    base: {
      color: `red; background: url(${evil}/semicolon)`,
      backgroundImage: `url(${evil}/bg)`,
      background: `url("${evil}/bg2")`,
      fontFamily: `x'; } @import url(${evil}/import); a { b: '`,
      behavior: `url(${evil}/htc)`,
      width: 'expression(fetch("/x"))',
      listStyleImage: `image-set("${evil}/set" 1x)`,
      '::placeholder': { color: `url(${evil}/placeholder)`, content: `url(${evil}/content)` },
      ':focus': { borderImage: `url(${evil}/border) 30` },
      '@import': `url(${evil}/at-import)`,
    },
    invalid: { color: `var(--x, url(${evil}/var))`, cursor: `url(${evil}/cursor), auto` },
    '@font-face': { src: `url(${evil}/font)` },
  };
  const configs = [
    { style },
    { ariaLabel: `<img src="${evil}/label">`, placeholder: `"><link rel=stylesheet href="${evil}/placeholder-link">` },
    { fonts: [`${evil}/font.woff2`, 'x" src="url(' + evil + '/fontname)'] },
  ];
  for (const params of configs) {
    const src = fieldUrl({ type: 'cardNumber', pk: merchantKey, origin: urls.merchant, mount: crypto.randomUUID().replaceAll('-', '') });
    const reply = await page.evaluate(rawFrameRequest, { src, framesOrigin: urls.frames, method: 'configure', params });
    // Accepted after sanitizing (a reply) or dropped as malformed (undefined): both fine, as long
    // as nothing below was fetched.
    expect([undefined, 'reply']).toContain((reply as { type?: string } | undefined)?.type);
  }
  // Let every frame lay out with its (sanitized) style, then look.
  for (const frame of page.frames().filter((f) => f.url().includes('/frames/v1/field.html'))) {
    await frame.locator('input').first().evaluate((el) => getComputedStyle(el).backgroundImage);
  }
  expect(fromFrames).toEqual([]);
  expect((await takeHostileHits()).filter((h) => h.includes('/leak'))).toEqual([]);
});
