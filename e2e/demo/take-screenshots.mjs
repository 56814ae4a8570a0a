// Screenshots of both demo checkouts at desktop and 375 px width, into e2e/screenshots/demo/
// (gitignored), for a person to look at. Expects `pnpm demo` to be running.
//   node e2e/demo/take-screenshots.mjs [--pay]   --pay also pays with 4242 4242 4242 4242
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const OUT = new URL('../screenshots/demo/', import.meta.url).pathname;
const pay = process.argv.includes('--pay');
const pages = [
  ['demo', 'http://localhost:5173/'],
  ['react-npm', 'http://localhost:5174/'],
  ['react-elements', 'http://localhost:5174/?mode=elements'],
];
const viewports = [
  ['desktop', { width: 1280, height: 900 }],
  ['mobile', { width: 375, height: 812 }],
];

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
      if (pay && size === 'desktop') {
        const frame = (label) => page.frameLocator(`iframe[title*="${label}" i]`).first();
        await frame('number').getByRole('textbox').fill('4242 4242 4242 4242');
        await frame('expir').getByRole('textbox').fill('12 / 34');
        await frame('cvc').or(frame('security')).getByRole('textbox').fill('123');
        await page.screenshot({ path: `${OUT}${name}-${size}-filled.png`, fullPage: true });
        await page.getByRole('button', { name: /Pay/ }).click();
        await page.getByTestId('result').or(page.getByTestId('error')).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(500);
        await page.screenshot({ path: `${OUT}${name}-${size}-paid.png`, fullPage: true });
        console.log(`${name}: token=${await page.getByTestId('token').textContent().catch(() => '—')} result=${await page.getByTestId('result').textContent().catch(() => '—')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${OUT}`);
