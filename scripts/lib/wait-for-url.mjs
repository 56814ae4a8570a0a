// Polls a URL until it answers, so "ready" means "a browser can load it now".
/* global fetch, AbortSignal */

/**
 * @param {string} url
 * @param {{ timeoutMs?: number, accept?: (res: Response) => boolean, abort?: Promise<unknown> }} [opts]
 *   `accept` decides which answers count (default: any HTTP answer below 500);
 *   `abort` settles when the process that should answer has died, to fail fast instead of waiting.
 */
export async function waitForUrl(url, { timeoutMs = 60_000, accept = (r) => r.status < 500, abort } = {}) {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  let lastError = 'no answer';
  abort?.then(() => (dead = true));
  while (!dead && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
      await res.body?.cancel();
      if (accept(res)) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = e instanceof Error ? (e.cause?.code ?? e.message) : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(dead ? `${url}: the process exited before it answered` : `${url} did not answer within ${timeoutMs / 1000}s (${lastError})`);
}
