// Debian's Firefox ESR over WebDriver BiDi (puppeteer-core): Playwright's patched Firefox cannot be
// downloaded here. One browser for the run, a fresh browser context (its own cookies and storage)
// per tab. Cross-origin frames are BiDi browsing contexts of their own: page.frames() lists them.
// A protocol call that gets no answer in DRIVER_CALL_TIMEOUT, or a closed connection, is an EngineError.
import puppeteer, { ProtocolError, type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { DRIVER_CALL_TIMEOUT, EngineError, waitFor, type Engine, type Key, type Tab } from './tab';

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
    protocolTimeout: DRIVER_CALL_TIMEOUT,
    // Clipboard reads and writes from page script without a prompt, as a shopper's own copy/paste.
    extraPrefsFirefox: { 'dom.events.asyncClipboard.readText': true, 'dom.events.testing.asyncClipboard': true },
  });
  return {
    name: 'firefox',
    async newTab() {
      const context = await engineCall(() => browser.createBrowserContext());
      const page = await engineCall(() => context.newPage());
      return guarded(firefoxTab(page, () => context.close()));
    },
    async healthy() {
      if (!browser.connected) return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)));
      const ok = await Promise.race([
        browser.version().then(
          () => true,
          () => false,
        ),
        late,
      ]);
      clearTimeout(timer);
      return ok;
    },
    async close() {
      const closed = browser.close().catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)));
      await Promise.race([closed, late]);
      clearTimeout(timer);
      browser.process()?.kill('SIGKILL'); // a no-op once it has exited
    },
  };
}

/** A protocol failure (no answer in time, connection closed) is the engine's, not the page's. */
async function engineCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProtocolError) throw new EngineError(`Firefox: ${e.message}`, { cause: e });
    throw e;
  }
}

function guarded(tab: Tab): Tab {
  const g =
    <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
    (...args: A) =>
      engineCall(() => fn(...args));
  return {
    engine: tab.engine,
    goto: g(tab.goto),
    evaluate: g(tab.evaluate),
    type: g(tab.type),
    press: g(tab.press),
    click: g(tab.click),
    screenshot: g(tab.screenshot),
    close: g(tab.close),
  };
}

function firefoxTab(page: Page, closeContext: () => Promise<void>): Tab {
  const frameFor = (match: string | undefined): Promise<Frame> =>
    match === undefined
      ? Promise.resolve(page.mainFrame())
      : waitFor(
          `a frame at …${match}…`,
          async () => page.frames().find((f) => f.url().includes(match)),
          (f) => f !== undefined,
        ).then((f) => f!);
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
      const el = await waitFor(
        `${selector} in ${frame ?? 'the page'}`,
        () => f.$(selector),
        (e) => e !== null,
      );
      await el!.click();
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: closeContext,
  };
}
