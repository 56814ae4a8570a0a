import { afterEach, expect, test } from 'vitest';
import { acceptParent, connectToFrame } from '../src/index';
import type { FrameEvent } from '@tokenframe/protocol';
import type { ChannelError, FrameConnection, ParentConnection } from '../src/index';
import { FakeIframe, FakeWindow, FRAMES, MOUNT, PAGE, PK, tick } from './fake-browser';

const open: { destroy(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.destroy()));

const card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: ChannelError) => e.code,
  );

function frameSide(win: FakeWindow, pk = PK): ParentConnection {
  const f = acceptParent({ parentOrigin: PAGE, pk, mount: MOUNT, role: 'controller', window: win.asChannelWindow() });
  f.handle('tokenize', () => ({ token: 'tok_test_1', card }));
  f.handle('focus', () => new Promise(() => {})); // never answers
  open.push(f);
  return f;
}

async function connected(firstLoad: 'after HELLO' | 'before HELLO' = 'after HELLO') {
  const page = new FakeWindow(PAGE);
  const frame = new FakeWindow(FRAMES);
  const iframe = new FakeIframe(page, frame);
  const seen = { events: [] as FrameEvent[], reconnects: 0, failures: [] as string[] };
  const c: FrameConnection = connectToFrame({
    iframe: iframe.asElement(),
    frameOrigin: FRAMES,
    mount: MOUNT,
    pk: PK,
    window: page.asChannelWindow(),
    timeoutMs: 200,
    reloadTimeoutMs: 60,
    onEvent: (e) => seen.events.push(e),
    onReconnect: () => seen.reconnects++,
    onFailure: (e) => seen.failures.push(e.code),
  });
  open.push(c);
  if (firstLoad === 'before HELLO') iframe.fireLoad();
  const f = frameSide(frame);
  await c.ready;
  await f.connected;
  if (firstLoad === 'after HELLO') iframe.fireLoad(); // the first document's own load: not a reload
  return { page, frame, iframe, c, f, seen };
}

test('request/reply and events over the port', async () => {
  const { c, f, seen } = await connected();
  expect(await c.request('tokenize', {})).toEqual({ token: 'tok_test_1', card });
  f.emit({ name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, brand: 'visa' } });
  await tick();
  expect(seen.events.map((e) => e.name === 'change' && e.detail)).toEqual([
    { field: 'cardNumber', empty: false, complete: true, brand: 'visa' },
  ]);
  expect(await codeOf(c.request('clear'))).toBe('invalid_argument'); // no handler in the frame
});

test('the frame cannot send card data: invalid events throw, invalid results become internal_error', async () => {
  const { c, f } = await connected();
  const leak = { name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, pan: '4242424242424242' } };
  expect(() => f.emit(leak as never)).toThrow(/valid frame event/);
  f.handle('tokenize', () => ({ token: 'tok_1', card: { ...card, number: '4242424242424242' } }) as never);
  expect(await codeOf(c.request('tokenize', {}))).toBe('internal_error');
});

test('the frame sends only errors of the closed set (the page checks only their form)', async () => {
  const { c, f } = await connected();
  expect(() => f.emit({ name: 'loaderror', detail: { type: 'network_error', code: 'made_up' as never, message: 'x' } })).toThrow(
    /valid frame event/,
  );
  expect(() => f.emit({ name: 'loaderror', detail: { type: 'card_error', code: 'timeout', message: 'x' } })).toThrow(/valid frame event/);
  f.handle('tokenize', () => ({ error: { type: 'card_error', code: 'made_up' as never, message: 'x' } }));
  expect(await codeOf(c.request('tokenize', {}))).toBe('internal_error');
  f.handle('tokenize', () => ({ error: { type: 'card_error', code: 'invalid_number', message: 'Invalid' } }));
  expect(await c.request('tokenize', {})).toEqual({ error: { type: 'card_error', code: 'invalid_number', message: 'Invalid' } });
});

test.each<[string, (w: Awaited<ReturnType<typeof connected>>) => void, string]>([
  ['no answer in time', () => {}, 'timeout'],
  ['iframe removed from the DOM', (w) => w.iframe.remove(), 'frame_removed'],
])('a request that times out: %s → %s', async (_label, act, code) => {
  const w = await connected();
  act(w);
  expect(await codeOf(w.c.request('focus', undefined, 30))).toBe(code);
});

test('destroy rejects pending requests, is idempotent and removes every listener', async () => {
  const { page, frame, iframe, c, f } = await connected();
  const pending = c.request('focus');
  c.destroy();
  c.destroy();
  f.destroy();
  f.destroy();
  expect(await codeOf(pending)).toBe('destroyed');
  expect(await codeOf(c.request('tokenize', {}))).toBe('destroyed');
  expect([page.listenerCount, frame.listenerCount, iframe.loadListeners]).toEqual([0, 0, 0]);
});

test('destroy before HELLO rejects ready with destroyed', async () => {
  const page = new FakeWindow(PAGE);
  const iframe = new FakeIframe(page, new FakeWindow(FRAMES));
  const c = connectToFrame({ iframe: iframe.asElement(), frameOrigin: FRAMES, mount: MOUNT, pk: PK, window: page.asChannelWindow() });
  c.destroy();
  expect(await codeOf(c.ready)).toBe('destroyed');
});

test.each([['HELLO before load'], ['load before HELLO']])('reload (%s) reconnects on a new port', async (order) => {
  const w = await connected();
  const reloaded = new FakeWindow(FRAMES);
  w.iframe.navigate(reloaded);
  if (order === 'load before HELLO') w.iframe.fireLoad();
  frameSide(reloaded);
  await tick(10);
  if (order === 'HELLO before load') w.iframe.fireLoad();
  await tick(100); // longer than reloadTimeoutMs
  expect({ reconnects: w.seen.reconnects, failures: w.seen.failures }).toEqual({ reconnects: 1, failures: [] });
  expect(await w.c.request('tokenize', {})).toEqual({ token: 'tok_test_1', card });
});

// Issue #17 finding 4: a page script re-navigates the iframe to our own frame document under another
// account's key, same mount id. It says a valid HELLO, but not for the key the page built it with.
test('a reload under another publishable key is an integrity failure, not a reconnect', async () => {
  const w = await connected();
  const foreign = new FakeWindow(FRAMES);
  w.iframe.navigate(foreign);
  frameSide(foreign, 'pk_test_someone_else');
  await tick(10);
  w.iframe.fireLoad();
  await tick(100);
  expect({ reconnects: w.seen.reconnects, failures: w.seen.failures }).toEqual({ reconnects: 0, failures: ['frame_integrity'] });
  expect(await codeOf(w.c.request('tokenize', {}))).toBe('frame_integrity');
});

test.each<['another site' | 'the frames origin, but no HELLO', 'after HELLO' | 'before HELLO']>([
  ['another site', 'after HELLO'],
  ['another site', 'before HELLO'], // Chromium may deliver the first load before the first HELLO
  ['the frames origin, but no HELLO', 'after HELLO'],
])('takeover by %s (first load %s) is an integrity failure', async (kind, firstLoad) => {
  const w = await connected(firstLoad);
  w.iframe.navigate(new FakeWindow(kind === 'another site' ? 'http://127.0.0.2:4001' : FRAMES));
  w.iframe.fireLoad();
  await tick(100);
  expect(w.seen.failures).toEqual(['frame_integrity']);
  expect(await codeOf(w.c.request('tokenize', {}))).toBe('frame_integrity');
});

test('junk over the port is dropped; the connection keeps working', async () => {
  const page = new FakeWindow(PAGE);
  const frame = new FakeWindow(FRAMES);
  const iframe = new FakeIframe(page, frame);
  const events: unknown[] = [];
  const c = connectToFrame({
    iframe: iframe.asElement(),
    frameOrigin: FRAMES,
    mount: MOUNT,
    pk: PK,
    window: page.asChannelWindow(),
    onEvent: (e) => events.push(e),
  });
  open.push(c);
  // A raw frame: says HELLO, takes the port, then sends junk before one valid event.
  const port = new Promise<MessagePort>((r) => frame.addEventListener('message', (e) => r((e as MessageEvent).ports[0] as MessagePort)));
  frame.parent.postMessage({ ns: 'tokenframe', v: '1.0', type: 'hello', mount: MOUNT, role: 'controller', pk: PK }, PAGE);
  await c.ready;
  const raw = await port;
  const pending = c.request('focus', undefined, 100);
  for (const junk of [
    new Date(0),
    new Map(),
    'x'.repeat(5_000_000),
    { ns: 'tokenframe', type: 'reply', id: 999, ok: true, result: null },
    JSON.parse('{"__proto__":{"polluted":1},"ns":"tokenframe","type":"event","name":"ready"}'),
    { ns: 'tokenframe', type: 'reply', id: 1, ok: true, result: { token: 'tok_1', card: { ...card, cvc: '123' } } },
  ])
    raw.postMessage(junk);
  raw.postMessage({ ns: 'tokenframe', type: 'event', name: 'ready' });
  raw.postMessage({ ns: 'tokenframe', type: 'reply', id: 1, ok: true, result: null });
  expect(await pending).toBeNull();
  expect(events).toEqual([{ ns: 'tokenframe', type: 'event', name: 'ready' }]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  raw.close();
});

// Security review: the first HELLO used to grant a `load` credit; a foreign document navigated in after
// that HELLO but before the frame's own `load` spent it and passed for the frame.
test('takeover after the frame booted but before its own load: never a healthy connection', async () => {
  const page = new FakeWindow(PAGE);
  const frame = new FakeWindow(FRAMES, 'loading'); // the frame script runs while its document still loads
  const iframe = new FakeIframe(page, frame);
  const failures: string[] = [];
  const c = connectToFrame({
    iframe: iframe.asElement(),
    frameOrigin: FRAMES,
    mount: MOUNT,
    pk: PK,
    window: page.asChannelWindow(),
    timeoutMs: 150,
    reloadTimeoutMs: 60,
    onFailure: (e) => failures.push(e.code),
  });
  open.push(c);
  frameSide(frame);
  await tick(10);
  iframe.navigate(new FakeWindow('http://127.0.0.2:4001', 'loading'));
  iframe.fireLoad(); // the foreign document's load; ours never comes
  await tick(200);
  const ready = await codeOf(c.ready);
  expect(ready === 'resolved' ? failures : ready).toEqual(ready === 'resolved' ? ['frame_integrity'] : 'frame_load_timeout');
  expect(await codeOf(c.request('tokenize', {}, 30))).not.toBe('resolved');
});

test.each<[string, number, string[]]>([
  ['its own load follows within helloLeadMs', 5, []],
  ['a foreign load later than helloLeadMs', 80, ['frame_integrity']],
])('a HELLO before any load is no credit: %s', async (_label, loadAfterMs, expected) => {
  const page = new FakeWindow(PAGE);
  const frame = new FakeWindow(FRAMES);
  const iframe = new FakeIframe(page, frame);
  const failures: string[] = [];
  const c = connectToFrame({
    iframe: iframe.asElement(),
    frameOrigin: FRAMES,
    mount: MOUNT,
    pk: PK,
    window: page.asChannelWindow(),
    timeoutMs: 200,
    reloadTimeoutMs: 300,
    helloLeadMs: 30,
    onFailure: (e) => failures.push(e.code),
  });
  open.push(c);
  frameSide(frame);
  await c.ready;
  await tick(loadAfterMs);
  if (loadAfterMs > 30) iframe.navigate(new FakeWindow('http://127.0.0.2:4001'));
  iframe.fireLoad();
  await tick(350);
  expect(failures).toEqual(expected);
});
