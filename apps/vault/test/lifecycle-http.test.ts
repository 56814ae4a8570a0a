import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunningVault } from '../src/server/start-vault';
import { browserTokenize, cliJson, liveEnv, startLiveVault } from './live-vault';

const SHOP = 'http://localhost:5173';
const env = { ...liveEnv(), TOKENFRAME_API_URL: 'http://127.0.0.1:4999', TOKENFRAME_FRAMES_URL: 'http://127.0.0.1:4998' };
const logs: string[] = [];
let vault: RunningVault | undefined;
afterAll(() => vault?.stop());

describe('the whole token life cycle over HTTP', () => {
  test('CLI keys → session → tokenize → read → reveal → persist → delete; replay state survives a restart', async () => {
    vault = await startLiveVault(env, logs);
    expect(vault.listening.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pk = await cliJson(env, 'keys', 'create', '--account', 'demo', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
    const sk = await cliJson(
      env,
      'keys',
      'create',
      '--account',
      'demo',
      '--type',
      'secret',
      '--env',
      'test',
      '--scope',
      'tokens:read',
      '--scope',
      'tokens:reveal',
      '--scope',
      'tokens:persist',
      '--scope',
      'tokens:delete',
    );

    const t = await browserTokenize(vault, pk.key, SHOP, { pan: '4242424242424242', cvc: '321' });
    expect(t.res.status).toBe(201);
    expect(t.res.headers.get('access-control-allow-origin')).toBe(vault.framesUrl);
    const token = ((await t.res.json()) as { id: string }).id;

    const api = (method: string, path: string) =>
      fetch(`${vault!.listening.api}${path}`, { method, headers: { Authorization: `Bearer ${sk.key}` } });
    const read = (await (await api('GET', `/v1/tokens/${token}`)).json()) as { card: { bin: string; last4: string }; cvcPresent: boolean };
    expect(read.card).toMatchObject({ bin: '42424242', last4: '4242' });
    expect(read.cvcPresent).toBe(true);
    const revealed = (await (await api('POST', `/v1/tokens/${token}/reveal`)).json()) as { card: { number: string; cvc?: string } };
    expect(revealed.card).toMatchObject({ number: '4242424242424242', cvc: '321' });
    expect(((await (await api('GET', `/v1/tokens/${token}`)).json()) as { cvcPresent: boolean }).cvcPresent).toBe(false);
    expect(((await (await api('POST', `/v1/tokens/${token}/persist`)).json()) as { expiresAt: unknown }).expiresAt).toBeNull();
    expect((await api('DELETE', `/v1/tokens/${token}`)).status).toBe(200);
    expect((await api('GET', `/v1/tokens/${token}`)).status).toBe(404);

    // A second JWE, then a restart: the retry (same Idempotency-Key, same body) gets the stored
    // response; the same JWE under a new Idempotency-Key is a replay. Both decided from the DB.
    const idem = randomUUID();
    const second = await browserTokenize(vault, pk.key, SHOP, {}, idem);
    const stored = await second.res.text();
    await vault.stop();
    vault = await startLiveVault(env, logs);
    const send = (key: string) =>
      fetch(`${vault!.listening.api}/v1/tokens`, {
        method: 'POST',
        headers: {
          Origin: vault!.framesUrl,
          Authorization: `Bearer ${pk.key}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body: JSON.stringify({ jwe: second.jwe }),
      });
    const retry = await send(idem);
    expect([retry.status, await retry.text()]).toEqual([201, stored]);
    const replay = await send(randomUUID());
    expect(replay.status).toBe(409);
  });
});

test.each([
  ['Content-Length', (body: string) => body],
  ['chunked (no Content-Length)', (body: string) => new Blob([body]).stream()],
])('an oversized body over HTTP (%s) → 413 before the vault reads it all', async (_n, wrap) => {
  const v = vault!;
  const pk = await cliJson(env, 'keys', 'create', '--account', 'demo', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
  const res = await fetch(`${v.listening.api}/v1/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${pk.key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: wrap(JSON.stringify({ jwe: 'a'.repeat(100_000) })),
    ...({ duplex: 'half' } as object),
  });
  expect(res.status).toBe(413);
});

test('graceful shutdown finishes in-flight requests and answers no new ones', async () => {
  const env2 = liveEnv();
  const v = await startLiveVault(env2, []);
  const pk = await cliJson(env2, 'keys', 'create', '--account', 'demo', '--type', 'publishable', '--env', 'test', '--origin', SHOP);
  const inflight = Array.from({ length: 5 }, () => browserTokenize(v, pk.key, SHOP, {}, randomUUID()));
  await new Promise((r) => setTimeout(r, 5));
  const stopped = v.stop();
  const results = await Promise.allSettled(inflight);
  await stopped;
  for (const r of results) if (r.status === 'fulfilled') expect(r.value.res.status).toBe(201);
  await expect(fetch(`${v.listening.api}/healthz`)).rejects.toThrow();
});
