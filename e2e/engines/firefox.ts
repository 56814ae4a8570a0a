// Debian's Firefox ESR over WebDriver BiDi (puppeteer-core): Playwright's patched Firefox cannot be
// downloaded here. One browser for the run, a fresh browser context (its own cookies and storage)
// per tab. Cross-origin frames are BiDi browsing contexts of their own: page.frames() lists them.
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { waitFor, type Engine, type Key, type Tab } from './tab';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

const CHORDS: Record<Key, [KeyInput | null, KeyInput]> = {
  Tab: [null, 'Tab'],
  'Shift+Tab': ['Shift', 'Tab'],
  Enter: [null, 'Enter'],
  Backspace: [null, 'Backspace'],
  ArrowRight: [null, 'ArrowRight'],
  End: [null, 'End'],
  'Control+A': ['Control', 'a'],
  'Control+C': ['Control', 'c'],
  'Control+V': ['Control', 'v'],
};

export async function launchFirefox(): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1000, height: 900 },
    // Clipboard reads and writes from page script without a prompt, as a shopper's own copy/paste.
    extraPrefsFirefox: { 'dom.events.asyncClipboard.readText': true, 'dom.events.testing.asyncClipboard': true },
  });
  return {
    name: 'firefox',
    async newTab() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return firefoxTab(page, () => context.close());
    },
    close: () => browser.close(),
  };
}

function firefoxTab(page: Page, closeContext: () => Promise<void>): Tab {
  const frameFor = (match: string | undefined): Promise<Frame> =>
    match === undefined
      ? Promise.resolve(page.mainFrame())
      : waitFor(`a frame at …${match}…`, async () => page.frames().find((f) => f.url().includes(match)), (f) => f !== undefined).then((f) => f!);
  return {
    engine: 'firefox',
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async evaluate(expression, frame) {
      return (await frameFor(frame)).evaluate(expression);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(key) {
      const [modifier, k] = CHORDS[key];
      if (modifier) await page.keyboard.down(modifier);
      await page.keyboard.press(k);
      if (modifier) await page.keyboard.up(modifier);
    },
    async click(selector, frame) {
      const f = await frameFor(frame);
      const el = await waitFor(`${selector} in ${frame ?? 'the page'}`, () => f.$(selector), (e) => e !== null);
      await el!.click();
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: closeContext,
  };
}
