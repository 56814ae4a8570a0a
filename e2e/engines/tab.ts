// What a check may do with a browser tab, the same in every engine: Firefox over WebDriver BiDi
// (firefox.ts) and WebKitGTK over W3C WebDriver (webkit.ts). Key presses and clicks are the
// engine's own input events (WebDriver actions), not synthetic DOM events.

export type EngineName = 'firefox' | 'webkit';

/** The keys the checks press; a chord is modifier + key. */
export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Backspace' | 'ArrowRight' | 'End' | 'Control+A' | 'Control+C' | 'Control+V';

export interface Tab {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /**
   * Evaluates a JavaScript expression in the top document, or in the first frame whose URL contains
   * `frame`, and returns its JSON value (promises awaited). Use `run` to call a function.
   */
  evaluate(expression: string, frame?: string): Promise<unknown>;
  /** Types `text` one key at a time into whatever has focus. */
  type(text: string): Promise<void>;
  press(key: Key): Promise<void>;
  /** A pointer click in the middle of the first element matching `selector`. */
  click(selector: string, frame?: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** A fresh tab (a new browsing context or session: no state from the previous check). */
  newTab(): Promise<Tab>;
  /** False when the browser or its driver no longer answers: run.ts then relaunches the engine. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** Every call to a browser or its driver gets an answer within this, or fails with an EngineError. */
export const DRIVER_CALL_TIMEOUT = 30_000;

/**
 * The engine itself failed, not the page: a driver call got no answer in time, the connection to
 * the driver broke, or the session is gone. run.ts relaunches the engine and retries the check once.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/**
 * Runs `fn` with `args` in the top document or in the frame whose URL contains `frame`. `fn` is
 * serialized, so it may use nothing from its module. The browser has no `__name` (the helper
 * tsx/esbuild adds to keep function names): it gets a no-op one.
 */
export function run<T, A extends unknown[]>(tab: Tab, fn: (...args: A) => T | Promise<T>, args: A, frame?: string): Promise<T> {
  return tab.evaluate(
    `(() => { const __name = (f) => f; return (${fn.toString()}).apply(null, ${JSON.stringify(args)}); })()`,
    frame,
  ) as Promise<T>;
}

/** Polls `read` until `ok` holds for its value, or fails with what it last saw. */
export async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last saw ${error ? String(error) : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
