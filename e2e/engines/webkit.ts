// WebKitGTK's MiniBrowser over plain W3C WebDriver (WebKitWebDriver, Debian's webkit2gtk-driver).
// MiniBrowser has no headless mode: the driver runs under xvfb-run. One driver for the run, a new
// WebDriver session (a new MiniBrowser) per tab. Frames are switched to by index from the top and
// recognised by their location: the index order need not be the DOM order. The current frame is
// state of the session, so a tab runs its operations one at a time (a check's Promise.all over
// frames would otherwise switch frames under another read). Every driver call has a deadline
// (undici's own is 300 s): a driver that stops answering fails the call with an EngineError.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { DRIVER_CALL_TIMEOUT, EngineError, waitFor, type Engine, type Key, type Tab } from './tab';

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

/** `log`: a file for what the driver and its MiniBrowsers print (appended; kept with the run's results). */
export async function launchWebkit(log?: string): Promise<Engine> {
  const port = await freePort();
  const output = log ? openSync(log, 'a') : 'ignore';
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and every MiniBrowser.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: ['ignore', output, output],
  });
  if (typeof output === 'number') closeSync(output);
  const mark = (line: string) => log && appendFileSync(log, `--- ${new Date().toISOString()} ${line}\n`);
  mark(`driver on port ${port}`);
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => driver.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, timeout = DRIVER_CALL_TIMEOUT): Promise<unknown> => {
    let value: unknown;
    let status: number;
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        signal: AbortSignal.timeout(timeout),
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      status = res.status;
      ({ value } = (await res.json()) as { value: unknown });
    } catch (e) {
      const why = e instanceof Error && e.name === 'TimeoutError' ? `no answer in ${timeout} ms` : String((e as Error).cause ?? e);
      throw new EngineError(`WebKitWebDriver ${method} ${path}: ${why}`, { cause: e });
    }
    const err = value as { error?: string; message?: string } | null;
    if (status >= 400 || err?.error) {
      const message = `WebDriver ${method} ${path}: ${err?.error} ${err?.message ?? ''}`;
      // The browser behind the session is gone (crashed or quit): not the page's doing.
      if (err?.error === 'invalid session id' || err?.error === 'session not created') throw new EngineError(message);
      throw new Error(message);
    }
    return value;
  };
  await waitFor('WebKitWebDriver to listen', () => call('GET', '/status', undefined, 2_000).then(() => true), Boolean, 15_000);
  return {
    name: 'webkit',
    async healthy() {
      return (
        !gone &&
        (await call('GET', '/status', undefined, 5_000).then(
          () => true,
          () => false,
        ))
      );
    },
    async newTab() {
      const caps = { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } } };
      mark('new session');
      const { sessionId } = (await call('POST', '/session', caps)) as { sessionId: string };
      mark(`session ${sessionId}`);
      const s: Call = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
      await s('POST', '/window/rect', { width: 1000, height: 900 });
      return webkitTab(s);
    },
    close: () => stop(driver, exited),
  };
}

function webkitTab(s: Call): Tab {
  // One operation at a time: each may switch frames and expects the frame it switched to.
  let queue: Promise<unknown> = Promise.resolve();
  const serial =
    <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> => {
      const result = queue.then(() => fn(...args));
      queue = result.catch(() => undefined);
      return result;
    };
  const top = () => s('POST', '/frame', { id: null });
  async function enter(match: string | undefined): Promise<void> {
    await top();
    if (match === undefined) return;
    await waitFor(
      `a frame at …${match}…`,
      async () => {
        await top();
        const n = (await s('POST', '/execute/sync', { script: 'return window.frames.length', args: [] })) as number;
        for (let i = 0; i < n; i++) {
          await s('POST', '/frame', { id: i });
          if (String(await s('POST', '/execute/sync', { script: 'return location.href', args: [] })).includes(match)) return true;
          await s('POST', '/frame/parent', {});
        }
        return false;
      },
      Boolean,
    );
  }
  async function keys(actions: { type: 'keyDown' | 'keyUp'; value: string }[]): Promise<void> {
    await top();
    await s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await s('DELETE', '/actions');
  }
  return {
    engine: 'webkit',
    goto: serial(async (url: string) => {
      await s('POST', '/url', { url });
    }),
    evaluate: serial(async (expression: string, frame?: string) => {
      await enter(frame);
      const body = `const done = arguments[arguments.length - 1];
        Promise.resolve(${expression}).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String((e && e.stack) || e) }));`;
      const r = (await s('POST', '/execute/async', { script: body, args: [] })) as { v?: unknown; e?: string };
      if (r.e !== undefined) throw new Error(`in the page: ${r.e}`);
      return r.v;
    }),
    type: serial(async (text: string) => {
      await keys(
        [...text].flatMap((c) => [
          { type: 'keyDown' as const, value: c },
          { type: 'keyUp' as const, value: c },
        ]),
      );
    }),
    press: serial(async (key: Key) => {
      const [modifier, k] = CHORDS[key];
      const down = modifier ? [{ type: 'keyDown' as const, value: modifier }] : [];
      const up = modifier ? [{ type: 'keyUp' as const, value: modifier }] : [];
      await keys([...down, { type: 'keyDown', value: k }, { type: 'keyUp', value: k }, ...up]);
    }),
    click: serial(async (selector: string, frame?: string) => {
      await enter(frame);
      const el = await waitFor(
        `${selector} in ${frame ?? 'the page'}`,
        () => s('POST', '/element', { using: 'css selector', value: selector }) as Promise<Record<string, string>>,
        Boolean,
      );
      await s('POST', `/element/${el[ELEMENT]}/click`, {});
      await top();
    }),
    screenshot: serial(async (path: string) => {
      await top();
      await writeFile(path, Buffer.from((await s('GET', '/screenshot')) as string, 'base64'));
    }),
    // Not queued behind a check that timed out and is still polling: the session ends now.
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

/** Ends xvfb-run's process group (Xvfb, the driver, every MiniBrowser); SIGKILL after 5 s. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 5_000)));
  if (await Promise.race([exited.then(() => false), late])) signal('SIGKILL');
  clearTimeout(timer);
  signal('SIGKILL'); // the group may outlive xvfb-run itself (a MiniBrowser that ignored SIGTERM)
}
