// The status probe against a real HTTP server: each answer of GET /v1/frames/status becomes a
// loaderror code, and transient failures are retried with backoff.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagnoseLoadFailure } from '../src/diagnose-load-failure';
import type { Env } from '../src/env';

let server: Server;
let vaultUrl: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  // The pk picks the behaviour: `pk_test_<status code>` or `pk_test_flaky<n>_<code>` (n failures first).
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pk = url.searchParams.get('pk') ?? '';
    hits.set(pk, (hits.get(pk) ?? 0) + 1);
    const flaky = /^pk_test_flaky(\d)_(\w+)$/.exec(pk);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname !== '/v1/frames/status' || url.searchParams.get('origin') !== 'https://shop.example')
      return void res.writeHead(400).end();
    if (flaky && (hits.get(pk) ?? 0) <= Number(flaky[1])) return void res.writeHead(503).end();
    if (pk === 'pk_test_garbage') return void res.writeHead(200).end('{"code":"nope"}');
    // `pk_test_legacy_<code>`: a vault that predates `message` answers only the code.
    const legacy = pk.startsWith('pk_test_legacy_');
    const code = flaky ? flaky[2] : pk.slice((legacy ? 'pk_test_legacy_' : 'pk_test_').length);
    const body = legacy || url.searchParams.get('v') !== '1.0' ? { code } : { code, message: `the vault says ${code}` };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vaultUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = {
  origin: 'https://shop.example',
  fetch: globalThis.fetch,
  setTimeout: (fn: () => void) => setTimeout(fn, 1),
} as unknown as Env;

describe('diagnoseLoadFailure', () => {
  test.each([
    // The vault writes the message (apps/vault frame-status-message.ts); the SDK passes it on.
    ['pk_test_unknown_key', 'unknown_key', /^Tokenframe: the vault says unknown_key$/],
    ['pk_test_revoked_key', 'revoked_key', /the vault says revoked_key/],
    ['pk_test_origin_not_allowed', 'origin_not_allowed', /the vault says origin_not_allowed/],
    ['pk_test_ok', 'frame_load_timeout', /the vault says ok/],
    ['pk_test_flaky2_revoked_key', 'revoked_key', /the vault says revoked_key/],
    ['pk_test_legacy_revoked_key', 'revoked_key', /^Tokenframe: the vault says revoked_key; upgrade it to learn what to fix\.$/],
    [
      'pk_test_garbage',
      'frame_load_timeout',
      /could not be asked why: does the page's CSP allow frame-src https:\/\/frames\.example and connect-src http:\/\/127\.0\.0\.1:\d+\?$/,
    ],
  ])('%s → %s', async (pk, code, message) => {
    const error = await diagnoseLoadFailure(env, vaultUrl, pk, 'https://frames.example');
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  test('gives up after its retries when the vault keeps failing', async () => {
    const error = await diagnoseLoadFailure(env, vaultUrl, 'pk_test_flaky9_unknown_key', 'https://frames.example');
    expect(error.code).toBe('frame_load_timeout');
    expect(hits.get('pk_test_flaky9_unknown_key')).toBe(4);
  });

  test('an unreachable vault is a frame_load_timeout, not a throw', async () => {
    const error = await diagnoseLoadFailure(env, 'http://127.0.0.1:1', 'pk_test_x', 'https://frames.example');
    expect(error.code).toBe('frame_load_timeout');
  });
});
