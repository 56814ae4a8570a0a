// Screenshots of both demo checkouts at desktop and 375 px width, into e2e/screenshots/demo/
// (gitignored), for a person to look at. Expects `pnpm demo` to be running.
//   node e2e/demo/take-screenshots.mjs [--pay] [--decline]   --pay also pays with 4242 4242 4242 4242
//   (the paid receipt); --decline picks the "insufficient funds" outcome first (the decline message)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const OUT = new URL('../screenshots/demo/', import.meta.url).pathname;
const pay = process.argv.includes('--pay') || process.argv.includes('--decline');
const decline = process.argv.includes('--decline');
const pages = [
  ['demo', 'http://localhost:5173/'],
  ['react-npm', 'http://localhost:5174/'],
  ['react-elements', 'http://localhost:5174/?mode=elements'],
];
const viewports = [
  ['desktop', { width: 1280, height: 900 }],
  ['mobile', { width: 375, height: 812 }],
];

/** Fills the split fields inside the frames by accessible name, pays, and records what the page shows. */
async function payWith4242(page, name) {
  const input = (type) => page.frameLocator(`iframe[src*="/frames/v1/field.html?type=${type}&"]`).getByRole('textbox');
  const inputs = [
    ['cardNumber', '4242 4242 4242 4242'],
    ['cardExpiry', '12 / 34'],
    ['cardCvc', '123'],
  ];
  for (const [type, value] of inputs) await input(type).fill(value, { timeout: 10_000 });
  if (decline) await page.getByLabel('Outcome to try').selectOption('insufficient_funds');
  await page.screenshot({ path: `${OUT}${name}-desktop-filled.png`, fullPage: true });
  await page.getByRole('button', { name: /Pay/ }).click();
  await page
    .getByTestId('status')
    .filter({ hasText: /^Paid/ })
    .or(page.getByTestId('error').filter({ hasText: /./ }))
    .first()
    .waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${OUT}${name}-desktop-${decline ? 'declined' : 'paid'}.png`, fullPage: true });
  const text = async (id) => ((await page.getByTestId(id).count()) ? (await page.getByTestId(id).first().textContent())?.trim() : '—');
  console.log(
    `${name}: status=${await text('status')} charge=${await text('charge')} token=${await text('token')} error=${await text('error')}`,
  );
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const [name, url] of pages) {
    for (const [size, viewport] of viewports) {
      const page = await browser.newPage({ viewport });
      page.on('console', (m) => m.type() === 'error' && console.log(`  [${name} console] ${m.text()}`));
      page.on('pageerror', (e) => console.log(`  [${name} pageerror] ${e.message}`));
      await page.goto(url);
      await page.waitForTimeout(2_500);
      await page.screenshot({ path: `${OUT}${name}-${size}.png`, fullPage: true });
      if (pay && size === 'desktop')
        await payWith4242(page, name).catch((e) => console.log(`  [${name}] could not pay: ${e.message.split('\n')[0]}`));
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${OUT}`);
