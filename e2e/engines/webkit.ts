// WebKitGTK's MiniBrowser over plain W3C WebDriver (WebKitWebDriver, Debian's webkit2gtk-driver).
// MiniBrowser has no headless mode: the driver runs under xvfb-run. One driver for the run, a new
// WebDriver session (a new MiniBrowser) per tab. Frames are switched to by index from the top and
// recognised by their location: the index order need not be the DOM order.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { waitFor, type Engine, type Key, type Tab } from './tab';

export const MINIBROWSER_PATH = process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const K = { Shift: '\uE008', Control: '\uE009', Tab: '\uE004', Enter: '\uE007', Backspace: '\uE003', ArrowRight: '\uE014', End: '\uE010' };
const CHORDS: Record<Key, [string | null, string]> = {
  Tab: [null, K.Tab],
  'Shift+Tab': [K.Shift, K.Tab],
  Enter: [null, K.Enter],
  Backspace: [null, K.Backspace],
  ArrowRight: [null, K.ArrowRight],
  End: [null, K.End],
  'Control+A': [K.Control, 'a'],
  'Control+C': [K.Control, 'c'],
  'Control+V': [K.Control, 'v'],
};

type Call = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

export async function launchWebkit(): Promise<Engine> {
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and every MiniBrowser.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], { detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call: Call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const { value } = (await res.json()) as { value: { error?: string; message?: string } | unknown };
    const err = value as { error?: string; message?: string } | null;
    if (!res.ok || err?.error) throw new Error(`WebDriver ${method} ${path}: ${err?.error} ${err?.message ?? ''}`);
    return value;
  };
  await waitFor('WebKitWebDriver to listen', () => call('GET', '/status').then(() => true), Boolean, 15_000);
  return {
    name: 'webkit',
    async newTab() {
      const caps = { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } } };
      const { sessionId } = (await call('POST', '/session', caps)) as { sessionId: string };
      const s: Call = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
      await s('POST', '/window/rect', { width: 1000, height: 900 });
      return webkitTab(s);
    },
    close: async () => stop(driver),
  };
}

function webkitTab(s: Call): Tab {
  const top = () => s('POST', '/frame', { id: null });
  async function enter(match: string | undefined): Promise<void> {
    await top();
    if (match === undefined) return;
    await waitFor(`a frame at …${match}…`, async () => {
      await top();
      const n = (await s('POST', '/execute/sync', { script: 'return window.frames.length', args: [] })) as number;
      for (let i = 0; i < n; i++) {
        await s('POST', '/frame', { id: i });
        if (String(await s('POST', '/execute/sync', { script: 'return location.href', args: [] })).includes(match)) return true;
        await s('POST', '/frame/parent', {});
      }
      return false;
    }, Boolean);
  }
  async function keys(actions: { type: 'keyDown' | 'keyUp'; value: string }[]): Promise<void> {
    await top();
    await s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await s('DELETE', '/actions');
  }
  return {
    engine: 'webkit',
    async goto(url) {
      await s('POST', '/url', { url });
    },
    async evaluate(expression, frame) {
      await enter(frame);
      const body = `const done = arguments[arguments.length - 1];
        Promise.resolve(${expression}).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String((e && e.stack) || e) }));`;
      const r = (await s('POST', '/execute/async', { script: body, args: [] })) as { v?: unknown; e?: string };
      if (r.e !== undefined) throw new Error(`in the page: ${r.e}`);
      return r.v;
    },
    async type(text) {
      await keys([...text].flatMap((c) => [{ type: 'keyDown' as const, value: c }, { type: 'keyUp' as const, value: c }]));
    },
    async press(key) {
      const [modifier, k] = CHORDS[key];
      const down = modifier ? [{ type: 'keyDown' as const, value: modifier }] : [];
      const up = modifier ? [{ type: 'keyUp' as const, value: modifier }] : [];
      await keys([...down, { type: 'keyDown', value: k }, { type: 'keyUp', value: k }, ...up]);
    },
    async click(selector, frame) {
      await enter(frame);
      const el = await waitFor(`${selector} in ${frame ?? 'the page'}`, () => s('POST', '/element', { using: 'css selector', value: selector }) as Promise<Record<string, string>>, Boolean);
      await s('POST', `/element/${el[ELEMENT]}/click`, {});
      await top();
    },
    async screenshot(path) {
      await top();
      await writeFile(path, Buffer.from((await s('GET', '/screenshot')) as string, 'base64'));
    },
    async close() {
      await s('DELETE', '');
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}
