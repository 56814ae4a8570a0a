import { afterEach, describe, expect, test } from 'vitest';
import { acceptParent, ChannelError, connectToFrame } from '../src/index';
import type { FrameConnection, ParentConnection } from '../src/index';
import { FakeIframe, FakeWindow, FRAMES, MOUNT, PAGE, PK, tick } from './fake-browser';

const open: { destroy(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.destroy()));

function world() {
  const page = new FakeWindow(PAGE);
  const frame = new FakeWindow(FRAMES);
  const iframe = new FakeIframe(page, frame);
  return { page, frame, iframe };
}
type World = ReturnType<typeof world>;

function pageSide(w: World, extra: Partial<Parameters<typeof connectToFrame>[0]> = {}): FrameConnection {
  const c = connectToFrame({
    iframe: w.iframe.asElement(),
    frameOrigin: FRAMES,
    mount: MOUNT,
    pk: PK,
    window: w.page.asChannelWindow(),
    timeoutMs: 150,
    reloadTimeoutMs: 80,
    ...extra,
  });
  open.push(c);
  return c;
}
function frameSide(win: FakeWindow, mount = MOUNT): ParentConnection {
  const c = acceptParent({ parentOrigin: PAGE, pk: PK, mount, role: 'cardNumber', window: win.asChannelWindow() });
  open.push(c);
  return c;
}
const hello = { ns: 'tokenframe', v: '1.0', type: 'hello', mount: MOUNT, role: 'cardNumber', pk: PK };
const connect = { ns: 'tokenframe', v: '1.0', type: 'connect', mount: MOUNT };
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: ChannelError) => e.code,
  );

describe('page side drops every HELLO but the right one', () => {
  test.each<[string, (w: World) => FakeWindow, object, object?]>([
    ['sibling window of the frames origin', () => new FakeWindow(FRAMES), hello],
    ['third site', () => new FakeWindow('http://127.0.0.2:4001'), hello],
    ['sandboxed sender (origin "null")', () => new FakeWindow('null'), hello],
    ['right window, wrong mount', (w) => w.frame, { ...hello, mount: 'other_mount_0001' }],
    ['right window, wrong role', (w) => w.frame, hello, { role: 'cardCvc' }],
    ['right window, extra key', (w) => w.frame, { ...hello, extra: 1 }],
    ['right window, polluting payload', (w) => w.frame, JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(hello).slice(1)}`)],
  ])('%s', async (_label, sender, data, extra) => {
    const w = world();
    const c = pageSide(w, extra);
    const got: unknown[] = [];
    const s = sender(w);
    s.addEventListener('message', (e) => got.push(e));
    w.page.proxyFor(s).postMessage(data, PAGE);
    expect(await codeOf(c.ready)).toBe('frame_load_timeout');
    expect(got).toEqual([]); // never answered with a CONNECT
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('our own frame document served for another publishable key is an integrity failure (issue #17 finding 4)', async () => {
    const w = world();
    const c = pageSide(w);
    w.page.proxyFor(w.frame).postMessage({ ...hello, pk: 'pk_test_someone_else' }, PAGE);
    expect(await codeOf(c.ready)).toBe('frame_integrity');
  });

  test('a frame served for another page origin never reaches the page: its HELLO goes to that origin', async () => {
    const w = world();
    const c = pageSide(w);
    const f = acceptParent({
      parentOrigin: 'http://localhost:5174',
      pk: PK,
      mount: MOUNT,
      role: 'cardNumber',
      window: w.frame.asChannelWindow(),
    });
    open.push(f);
    expect(await codeOf(c.ready)).toBe('frame_load_timeout');
  });

  test('an incompatible major version is refused with a clear code', async () => {
    const w = world();
    const c = pageSide(w);
    w.page.proxyFor(w.frame).postMessage({ ...hello, v: '2.0' }, PAGE);
    expect(await codeOf(c.ready)).toBe('incompatible_version');
  });
});

describe('frame side accepts exactly one CONNECT from its parent', () => {
  const withPorts = (n: number) => Array.from({ length: n }, () => new MessageChannel().port2);
  test.each<[string, (w: World) => FakeWindow, object, number]>([
    ['same origin as the page, but not the parent', () => new FakeWindow(PAGE), connect, 1],
    ['third site', () => new FakeWindow('http://127.0.0.2:4001'), connect, 1],
    ['origin "null"', () => new FakeWindow('null'), connect, 1],
    ['parent, wrong mount', (w) => w.page, { ...connect, mount: 'other_mount_0001' }, 1],
    ['parent, no port', (w) => w.page, connect, 0],
    ['parent, two ports', (w) => w.page, connect, 2],
    ['parent, incompatible version', (w) => w.page, { ...connect, v: '2.0' }, 1],
    ['parent, a HELLO instead', (w) => w.page, hello, 1],
  ])('drops: %s', async (_label, sender, data, ports) => {
    const w = world();
    const f = frameSide(w.frame);
    let connected = false;
    void f.connected.then(() => (connected = true));
    const s = sender(w);
    w.frame.proxyFor(s).postMessage(data, FRAMES, withPorts(ports));
    await tick(20);
    expect(connected).toBe(false);
    // …and the real CONNECT still works afterwards.
    const real = new MessageChannel();
    w.iframe.contentWindow?.postMessage(connect, FRAMES, [real.port2]);
    await f.connected;
    expect(w.frame.listenerCount).toBe(0);
    real.port1.close();
  });

  test('posts HELLO to exactly the parent origin; a second CONNECT is ignored', async () => {
    const w = world();
    const hellos: unknown[] = [];
    w.page.addEventListener('message', (e) => hellos.push((e as MessageEvent).data));
    const f = frameSide(w.frame);
    const first = new MessageChannel();
    const second = new MessageChannel();
    await tick();
    expect(hellos).toEqual([hello]);
    w.iframe.contentWindow?.postMessage(connect, FRAMES, [first.port2]);
    w.iframe.contentWindow?.postMessage(connect, FRAMES, [second.port2]);
    await f.connected;
    f.emit({ name: 'focus' });
    const seen = await new Promise((r) => (first.port1.onmessage = (m) => r(m.data)));
    expect(seen).toEqual({ ns: 'tokenframe', type: 'event', name: 'focus' });
    first.port1.close();
    second.port1.close();
  });
});

test.each([
  ['*'],
  ['null'],
  ['http://127.0.0.1:4001/'],
  ['http://127.0.0.1:4001/frames'],
  ['127.0.0.1:4001'],
  [''],
  ['HTTP://127.0.0.1:4001'],
])('misuse throws at once: origin %j', (origin) => {
  const w = world();
  expect(() =>
    connectToFrame({ iframe: w.iframe.asElement(), frameOrigin: origin, mount: MOUNT, pk: PK, window: w.page.asChannelWindow() }),
  ).toThrow(ChannelError);
  expect(() => acceptParent({ parentOrigin: origin, pk: PK, mount: MOUNT, role: 'card', window: w.frame.asChannelWindow() })).toThrow(
    /canonical origin/,
  );
});
