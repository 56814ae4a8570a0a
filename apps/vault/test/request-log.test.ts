import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeHarness, secretHeaders, SHOP, type Harness } from './harness';

/** Issue #17 finding 10: a backend that sends a card number where a token id belongs must not get it logged. */
let h: Harness;
let sk: string;
beforeAll(async () => {
  h = await makeHarness();
  await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
  sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read', '--scope', 'tokens:reveal')).key;
});
afterAll(() => h.close());

const paths = (): string[] =>
  h.logs
    .map((l) => JSON.parse(l) as { msg: string; path?: string })
    .filter((l) => l.msg === 'request')
    .map((l) => l.path!);

test.each([
  ['GET', '/v1/tokens/4000056655665556'],
  ['GET', '/v1/tokens/4000%200566%205566%205556'],
  ['GET', '/v1/tokens/4000-0566-5566-5556'],
  ['GET', '/v1/tokens/4000+0566+5566+5556'],
  ['GET', '/v1/tokens/4000.0566.5566.5556'],
  ['POST', '/v1/tokens/4000056655665556/reveal'],
  ['GET', '/v1/nope/4000056655665556'],
])('%s %s: the request log line masks the digits', async (method, path) => {
  const before = h.logs.length;
  const res = await h.api.request(path, { method, headers: secretHeaders(sk) });
  expect(res.status).toBe(404);
  const logged = paths().slice(-1)[0]!;
  expect(h.logs.length).toBeGreaterThan(before);
  expect(logged).toContain('[digits]');
  expect(h.logs.slice(before).join('\n')).not.toMatch(/0566|5566/);
});

test('the frames origin masks them too; a token id stays readable', async () => {
  await h.frames.request('/v1/4000056655665556.html');
  expect(paths().slice(-1)[0]).toBe('/v1/[digits].html');
  await h.api.request('/v1/tokens/tok_abcDEF123', { headers: secretHeaders(sk) });
  expect(paths().slice(-1)[0]).toBe('/v1/tokens/tok_abcDEF123');
});
