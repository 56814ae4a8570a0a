import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { OutboundError, safeRequest, type SafeRequestInput } from '../../src/outbound';

/** A real listener on 127.0.0.1 that counts every TCP connection it accepts. */
let server: Server;
let port = 0;
let connections = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/redirect') return res.writeHead(302, { Location: 'http://169.254.169.254/' }).end();
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2_000);
    if (req.url === '/big') return res.end('x'.repeat(10_000));
    if (req.url === '/reset') return req.socket.destroy();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, body })),
    );
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

const base = (over: Partial<SafeRequestInput>): SafeRequestInput => ({
  url: `http://127.0.0.1:${port}/`,
  method: 'GET',
  timeoutMs: 1_000,
  maxResponseBytes: 1_000,
  allowPrivate: true,
  livemode: false,
  ...over,
});

async function refusal(input: SafeRequestInput): Promise<OutboundError> {
  const e = await safeRequest(input).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(OutboundError);
  return e as OutboundError;
}

test('a test-mode request with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1 reaches the loopback listener, body and Host intact', async () => {
  const r = await safeRequest(
    base({ url: `http://localhost:${port}/echo?x=1`, method: 'PUT', body: '{"a":"b"}', headers: { 'Content-Type': 'application/json' } }),
  );
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body.toString())).toEqual({ method: 'PUT', url: '/echo?x=1', host: `localhost:${port}`, body: '{"a":"b"}' });
  expect(connections).toBe(1);
});

test.each([
  ['loopback without the private-network switch', () => `http://127.0.0.1:${port}/`, { allowPrivate: false }],
  ['localhost (resolved, then classified) without the switch', () => `http://localhost:${port}/`, { allowPrivate: false }],
  ['hex IPv4 literal', () => `http://0x7f000001:${port}/`, { allowPrivate: false }],
  ['decimal IPv4 literal', () => `http://2130706433:${port}/`, { allowPrivate: false }],
  ['octal IPv4 literal', () => `http://0177.0.0.1:${port}/`, { allowPrivate: false }],
  ['IPv4-mapped IPv6 literal, even with the switch', () => `http://[::ffff:127.0.0.1]:${port}/`, {}],
  ['NAT64 literal, even with the switch', () => `http://[64:ff9b::7f00:1]:${port}/`, {}],
  ['0.0.0.0, even with the switch', () => `http://0.0.0.0:${port}/`, {}],
  ['live mode: loopback is never allowed', () => `https://localhost:${port}/`, { livemode: true }],
  ['live mode: no IP literal', () => `https://127.0.0.1:${port}/`, { livemode: true }],
  ['live mode: no plain http', () => `http://localhost:${port}/`, { livemode: true }],
] as const)('refused before connecting: %s', async (_name, url, over) => {
  const e = await refusal(base({ url: url(), ...over }));
  expect(e.kind).toBe('refused');
  expect(e.sent).toBe(false);
  expect(connections).toBe(0);
});

test('a redirect is the answer, never followed', async () => {
  const r = await safeRequest(base({ url: `http://127.0.0.1:${port}/redirect` }));
  expect(r.status).toBe(302);
  expect(r.headers.location).toBe('http://169.254.169.254/');
  expect(connections).toBe(1);
});

test('a slow answer times out once the deadline passes, as sent', async () => {
  const t0 = Date.now();
  const e = await refusal(base({ url: `http://127.0.0.1:${port}/slow`, timeoutMs: 200 }));
  expect(e.kind).toBe('timeout');
  expect(e.sent).toBe(true);
  expect(Date.now() - t0).toBeLessThan(1_000);
});

test('an answer over the size cap is cut off', async () => {
  const e = await refusal(base({ url: `http://127.0.0.1:${port}/big`, maxResponseBytes: 1_000 }));
  expect(e.kind).toBe('too_large');
});

test('a connection reset after sending is `reset`, sent', async () => {
  const e = await refusal(base({ url: `http://127.0.0.1:${port}/reset` }));
  expect(e.kind).toBe('reset');
  expect(e.sent).toBe(true);
});

test('nothing listening is `unreachable`, not sent', async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const free = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const e = await refusal(base({ url: `http://127.0.0.1:${free}/` }));
  expect(e.kind).toBe('unreachable');
  expect(e.sent).toBe(false);
});

test('an unresolvable name is `unreachable`, not sent', async () => {
  const e = await refusal(base({ url: 'http://no-such-host.invalid/' }));
  expect(e.kind).toBe('unreachable');
  expect(e.sent).toBe(false);
});
