// Polls a URL until it answers, so "ready" means "a browser can load it now".
/* global fetch, AbortSignal */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {string} url
 * @param {{ timeoutMs?: number, accept?: (res: Response) => boolean, abort?: Promise<unknown>, settleMs?: number }} [opts]
 *   `accept` decides which answers count (default: any HTTP answer below 500);
 *   `abort` settles when the process that should answer has died, to fail fast instead of waiting;
 *   with it, an answer counts only if that process is still alive `settleMs` later (default 500).
 *   A server that loses its port to another process exits on EADDRINUSE, often just after the
 *   other process has answered our first poll: without this check, "ready" would be someone else.
 */
export async function waitForUrl(url, { timeoutMs = 60_000, accept = (r) => r.status < 500, abort, settleMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  let lastError = 'no answer';
  const died = abort?.then(() => (dead = true));
  while (!dead && Date.now() < deadline) {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' }).catch((e) => {
      lastError = e instanceof Error ? (e.cause?.code ?? e.message) : String(e);
    });
    await res?.body?.cancel().catch(() => undefined);
    if (res && accept(res)) {
      if (died) await Promise.race([died, sleep(settleMs)]);
      if (!dead) return;
      throw new Error(answeredByAnother(url));
    }
    if (res) lastError = `HTTP ${res.status}`;
    await sleep(250);
  }
  throw new Error(
    dead ? `${url}: the process exited before it answered` : `${url} did not answer within ${timeoutMs / 1000}s (${lastError})`,
  );
}

function answeredByAnother(url) {
  const { port, protocol } = new URL(url);
  const p = port || (protocol === 'https:' ? '443' : '80');
  return (
    `${url} answered, but the process that should serve it has exited: another process is listening on port ${p}.\n` +
    `Stop it (find it with \`ss -ltnp 'sport = :${p}'\` or \`lsof -i :${p}\`) and run again.`
  );
}
