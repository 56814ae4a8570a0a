import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { IDLE_MS } from '../../src/outbound/connection-pool';
import { isOutboundError, safeRequest, type SafeRequestInput } from '../../src/outbound';

/** safeRequest with `keepAlive: true` (webhooks): connections reused only for the same checked address, host and port. */
let server: Server;
let port = 0;
let connections = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createHttpServer((req, res) => {
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 600);
    if (req.url === '/slower-than-idle') return setTimeout(() => res.end('late'), IDLE_MS + 300);
    req.resume();
    req.on('end', () => res.writeHead(200).end(JSON.stringify({ host: req.headers.host })));
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  connections = 0;
});

const input = (over: Partial<SafeRequestInput> = {}): SafeRequestInput => ({
  url: `http://127.0.0.1:${port}/hooks`,
  method: 'POST',
  body: '{}',
  timeoutMs: 2_000,
  maxResponseBytes: 1_000,
  allowPrivate: true,
  livemode: false,
  keepAlive: true,
  ...over,
});

test('sequential requests to one checked address, host and port share one connection; without keepAlive each opens its own', async () => {
  for (let i = 0; i < 5; i++) expect((await safeRequest(input())).status).toBe(200);
  expect(connections).toBe(1);
  connections = 0;
  for (let i = 0; i < 3; i++) expect((await safeRequest(input({ keepAlive: false }))).status).toBe(200);
  expect(connections).toBe(3);
});

test('another host name is another pool, even on the same address and port (Host stays the name asked for)', async () => {
  await safeRequest(input());
  const before = connections;
  const viaName = await safeRequest(input({ url: `http://localhost:${port}/hooks` }));
  // localhost may resolve to ::1 where nothing listens: either way no connection of 127.0.0.1 was reused for it.
  if (viaName.status === 200) {
    expect(JSON.parse(viaName.body.toString()) as { host: string }).toEqual({ host: `localhost:${port}` });
    expect(connections).toBe(before + 1);
  }
});

test('a kept connection does not get past the SSRF rules: the address is checked on every request', async () => {
  expect((await safeRequest(input())).status).toBe(200);
  const before = connections;
  const refused = await safeRequest(input({ allowPrivate: false })).catch((e: unknown) => e);
  expect(isOutboundError(refused) && refused.kind).toBe('refused');
  expect(isOutboundError(refused) && refused.sent).toBe(false);
  const live = await safeRequest(input({ livemode: true })).catch((e: unknown) => e);
  expect(isOutboundError(live) && live.kind).toBe('refused');
  expect(connections).toBe(before);
});

test('a reused connection is `sent` from the start: a timeout on it says the request may have been received', async () => {
  await safeRequest(input());
  const e = await safeRequest(input({ url: `http://127.0.0.1:${port}/slow`, timeoutMs: 200 })).catch((x: unknown) => x);
  expect(isOutboundError(e) && e.kind).toBe('timeout');
  expect(isOutboundError(e) && e.sent).toBe(true);
});

test('a reused connection the peer had closed is retried once on a new connection', async () => {
  // A raw server that answers the first request of a connection and resets it on the second.
  let opened = 0;
  let resets = 0;
  const raw: NetServer = createNetServer((s) => {
    opened++;
    let served = 0;
    s.on('data', (d: Buffer) => {
      if (!d.includes('\r\n\r\n')) return;
      if (served++ === 0) s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      else {
        resets++;
        s.resetAndDestroy();
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/hooks`;
  try {
    expect((await safeRequest(input({ url }))).body.toString()).toBe('ok');
    expect((await safeRequest(input({ url }))).body.toString()).toBe('ok');
    expect([opened, resets]).toEqual([2, 1]); // the second went out on the kept connection, was reset, then sent anew
    // Without keepAlive (an authorization) nothing is ever retried: one connection, one answer.
    opened = 0;
    expect((await safeRequest(input({ url, keepAlive: false }))).body.toString()).toBe('ok');
    expect(opened).toBe(1);
  } finally {
    await new Promise((r) => raw.close(r));
  }
});

test(
  'an answer slower than the idle timeout of kept connections still arrives (the idle timeout is for free connections only)',
  async () => {
    await safeRequest(input());
    const res = await safeRequest(input({ url: `http://127.0.0.1:${port}/slower-than-idle`, timeoutMs: IDLE_MS + 2_000 }));
    expect(res.body.toString()).toBe('late');
    expect(connections).toBe(1);
  },
  IDLE_MS + 5_000,
);
