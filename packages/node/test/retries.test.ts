// Faults between the library and a real vault (test/support/fault-proxy.ts): each call succeeds
// once, every attempt carried the same Idempotency-Key, and the vault did the work exactly once.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Tokenframe, TokenframeConflictError, TokenframeConnectionError, TokenframeServerError } from '../src/index.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { startTestVault, type TestVault } from './support/test-vault.js';

let vault: TestVault;
let proxy: FaultProxy;
let tf: Tokenframe;

beforeAll(async () => {
  vault = await startTestVault();
  proxy = await startFaultProxy(vault.url);
  tf = new Tokenframe(await vault.secretKey(), { vaultUrl: proxy.url, timeoutMs: 1000 });
});
afterEach(() => void proxy.seen.splice(0));
afterAll(async () => {
  await proxy?.close();
  await vault?.stop();
});

const keysOf = (seen: FaultProxy['seen']) => [...new Set(seen.map((s) => s.idempotencyKey))];
const deletesOf = async (tokenId: string) => {
  const out = [];
  for await (const e of tf.events.list({ type: 'token.deleted', limit: 100 })) if (e.data.tokenId === tokenId) out.push(e);
  return out;
};

describe('a lost answer', () => {
  test('DELETE whose response is dropped: retried with the same key, the stored 200 comes back (not 404), one delete', async () => {
    const id = await vault.tokenize();
    proxy.plan('drop-response');
    expect(await tf.tokens.delete(id)).toEqual({ id, deleted: true });
    expect(proxy.seen.map((s) => [s.method, s.fault, s.vaultStatus])).toEqual([
      ['DELETE', 'drop-response', 200],
      ['DELETE', 'pass', 200],
    ]);
    expect(keysOf(proxy.seen)).toHaveLength(1);
    expect(keysOf(proxy.seen)[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deletesOf(id)).toHaveLength(1);
  });

  test('POST persist dropped twice: three attempts, one key, the vault replays its first answer', async () => {
    const id = await vault.tokenize();
    proxy.plan('drop-response', 'drop-response');
    expect((await tf.tokens.persist(id, { idempotencyKey: `order-42-${id}` })).expiresAt).toBeNull();
    expect(proxy.seen).toHaveLength(3);
    expect(keysOf(proxy.seen)).toEqual([`order-42-${id}`]);
  });

  test('a reveal whose answer is lost is not replayable: 409 replayed_request, thrown after one retry', async () => {
    const id = await vault.tokenize();
    proxy.plan('drop-response');
    const e = await tf.tokens.reveal(id).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenframeConflictError);
    expect(e).toMatchObject({ code: 'replayed_request', retryable: false });
    expect(proxy.seen.map((s) => s.vaultStatus)).toEqual([200, 409]);
  });
});

describe('a slow answer', () => {
  test('held past timeoutMs: the client gives up on it, retries with the same key, one delete', async () => {
    const id = await vault.tokenize();
    proxy.plan({ delay: 2500 });
    expect(await tf.tokens.delete(id)).toEqual({ id, deleted: true });
    expect(proxy.seen.length).toBeGreaterThanOrEqual(2);
    expect(keysOf(proxy.seen)).toHaveLength(1);
    expect(await deletesOf(id)).toHaveLength(1);
  });

  test('every attempt too slow → TokenframeConnectionError (timedOut) after 1 + maxRetries attempts', async () => {
    const id = await vault.tokenize();
    proxy.plan({ delay: 2500 }, { delay: 2500 }, { delay: 2500 });
    const e = await tf.tokens.retrieve(id).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenframeConnectionError);
    expect(e).toMatchObject({ timedOut: true, attempts: 3 });
    expect((e as Error).message).toMatch(/did not answer in time \(tried 3 times\)/);
  });
});

describe('the vault asks to wait', () => {
  test('503 with Retry-After: 1 → waits about a second, then the same key succeeds, one delete', async () => {
    const id = await vault.tokenize();
    proxy.plan({ status503: 1 });
    const started = Date.now();
    expect(await tf.tokens.delete(id)).toEqual({ id, deleted: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(proxy.seen.map((s) => s.vaultStatus ?? 503)).toEqual([503, 200]);
    expect(keysOf(proxy.seen)).toHaveLength(1);
    expect(await deletesOf(id)).toHaveLength(1);
  });

  test('503 on every attempt → TokenframeServerError, retryable, after 3 attempts; maxRetries: 0 → one', async () => {
    const id = await vault.tokenize();
    proxy.plan({ status503: 0 }, { status503: 0 }, { status503: 0 });
    await expect(tf.tokens.retrieve(id)).rejects.toBeInstanceOf(TokenframeServerError);
    expect(proxy.seen).toHaveLength(3);
    proxy.seen.splice(0);
    proxy.plan({ status503: 0 });
    await expect(tf.tokens.retrieve(id, { maxRetries: 0 })).rejects.toMatchObject({ status: 503, retryable: true });
    expect(proxy.seen).toHaveLength(1);
  });

  test('a Retry-After beyond a minute is not waited out: thrown at once for the caller to decide', async () => {
    proxy.plan({ status503: 3600 });
    await expect(tf.tokens.retrieve(await vault.tokenize())).rejects.toMatchObject({ status: 503 });
    expect(proxy.seen).toHaveLength(1);
  });
});

describe("answers the vault gives while busy (canned by the proxy in the vault's error shape)", () => {
  test.each([
    [409, 'idempotency_in_flight'],
    [409, 'request_in_progress'],
    [429, 'rate_limited'],
    [500, 'internal_error'],
    [504, 'processor_timeout'],
  ])("%i %s → retried with the same key, then the vault's own answer", async (answer, code) => {
    const id = await vault.tokenize();
    proxy.plan({ answer, code, retryAfter: '0' });
    expect((await tf.tokens.persist(id)).id).toBe(id);
    expect(proxy.seen.map((s) => s.vaultStatus ?? answer)).toEqual([answer, 200]);
    expect(keysOf(proxy.seen)).toHaveLength(1);
  });
});

describe('never retried', () => {
  test.each([
    [409, 'replayed_request'],
    [400, 'malformed_request'],
    [401, 'invalid_api_key'],
    [403, 'insufficient_scope'],
    [422, 'idempotency_conflict'],
  ])('%i %s (canned) → thrown after one attempt', async (answer, code) => {
    proxy.plan({ answer, code });
    await expect(tf.tokens.persist('tok_abcdefgh12345678')).rejects.toMatchObject({ status: answer, code, retryable: false });
    expect(proxy.seen).toHaveLength(1);
  });

  test.each([
    ['404 resource_missing', () => tf.tokens.retrieve('tok_doesnotexist0000')],
    ['400 malformed_request', () => tf.events.list({ limit: 500 })[Symbol.asyncIterator]().next()],
  ])('%s: one attempt', async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ retryable: false });
    expect(proxy.seen).toHaveLength(1);
  });

  test("the caller's abort: not retried, the abort reason comes back", async () => {
    const id = await vault.tokenize(); // first: the abort must land while the request is held
    proxy.plan({ delay: 2500 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('shopper left')), 100);
    await expect(tf.tokens.retrieve(id, { signal: ac.signal, timeoutMs: 5000 })).rejects.toThrow('shopper left');
    expect(proxy.seen).toHaveLength(1);
  });
});

test('nothing listening → TokenframeConnectionError after 3 attempts, naming the URL and what to check', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const down = new Tokenframe(await vault.secretKey(), { vaultUrl: `http://127.0.0.1:${port}` });
  const e = await down.tokens.retrieve('tok_abcdefgh').catch((x: unknown) => x);
  expect(e).toBeInstanceOf(TokenframeConnectionError);
  expect(e).toMatchObject({ timedOut: false, attempts: 3, retryable: true });
  expect((e as Error).message).toContain(`http://127.0.0.1:${port} could not be reached (tried 3 times)`);
});
