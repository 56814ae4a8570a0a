import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMES, makeHarness, secretHeaders, SHOP, type Harness } from './harness';

/** Issue 9: an optional Idempotency-Key on every POST (and DELETE), not only POST /v1/tokens. */
let h: Harness;
let pk: string;
let sk: string;
let sk2: string;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP, '--origin', 'http://localhost:5174'))
    .key;
  const scopes = ['tokens:read', 'tokens:persist', 'tokens:delete', 'tokens:reveal'].flatMap((s) => ['--scope', s]);
  sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...scopes)).key;
  sk2 = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...scopes)).key;
});
afterAll(() => h.close());

const newToken = async () => ((await (await h.tokenize(pk, await h.seal({ pk, sid: await h.session(pk) }))).json()) as { id: string }).id;
const session = (idem: string | undefined, origin = SHOP) =>
  h.api.request('/v1/sessions', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${pk}`,
      'Content-Type': 'application/json',
      Origin: FRAMES,
      ...(idem ? { 'Idempotency-Key': idem } : {}),
    },
    body: JSON.stringify({ origin }),
  });
const op = (method: 'POST' | 'DELETE', path: string, idem: string | undefined, key = sk) =>
  h.api.request(path, { method, headers: { ...secretHeaders(key), ...(idem ? { 'Idempotency-Key': idem } : {}) } });
const read = async (r: Response) => ({
  status: r.status,
  replayed: r.headers.get('Idempotent-Replayed'),
  body: (await r.json()) as Record<string, unknown> & { error?: { code: string } },
});

describe('Idempotency-Key on sessions, persist and delete', () => {
  test.each([
    ['POST /v1/sessions', async (idem: string) => session(idem)],
    ['POST /v1/tokens/:id/persist', async (idem: string, id: string) => op('POST', `/v1/tokens/${id}/persist`, idem)],
    ['DELETE /v1/tokens/:id', async (idem: string, id: string) => op('DELETE', `/v1/tokens/${id}`, idem)],
  ])('%s: same key + same request → the stored response', async (_name, send) => {
    const [idem, id] = [randomUUID(), await newToken()];
    const first = await read(await send(idem, id));
    const again = await read(await send(idem, id));
    expect(first.status).toBeLessThan(300);
    expect(again).toEqual({ ...first, replayed: 'true' });
  });

  test.each([
    ['sessions, another body', () => session('k-sessions', SHOP), () => session('k-sessions', 'http://localhost:5174')],
    [
      'persist, another token',
      async () => op('POST', `/v1/tokens/${await newToken()}/persist`, 'k-persist'),
      async () => op('POST', `/v1/tokens/${await newToken()}/persist`, 'k-persist'),
    ],
    [
      'persist then delete under one key',
      async () => op('POST', `/v1/tokens/${await newToken()}/persist`, 'k-mixed'),
      async () => op('DELETE', `/v1/tokens/${await newToken()}`, 'k-mixed'),
    ],
  ])('%s → 422 idempotency_conflict', async (_name, first, second) => {
    expect((await first()).status).toBeLessThan(300);
    const r = await read(await second());
    expect([r.status, r.body.error?.code]).toEqual([422, 'idempotency_conflict']);
  });

  test('two at once with one key: one runs, the other gets 409 idempotency_in_flight', async () => {
    const idem = randomUUID();
    const rs = await Promise.all([session(idem), session(idem)]);
    const seen = await Promise.all(rs.map(read));
    expect(seen.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(seen.find((r) => r.status === 409)!.body.error?.code).toBe('idempotency_in_flight');
  });

  test('scoped per API key: another secret key with the same Idempotency-Key runs its own request', async () => {
    const id = await newToken();
    expect((await op('POST', `/v1/tokens/${id}/persist`, 'shared', sk)).headers.get('Idempotent-Replayed')).toBeNull();
    expect((await op('POST', `/v1/tokens/${id}/persist`, 'shared', sk2)).headers.get('Idempotent-Replayed')).toBeNull();
  });

  test('DELETE without a key is still idempotent in effect: a repeat is 404, the token stays gone', async () => {
    const id = await newToken();
    expect((await op('DELETE', `/v1/tokens/${id}`, undefined)).status).toBe(200);
    expect((await op('DELETE', `/v1/tokens/${id}`, undefined)).status).toBe(404);
  });

  test('a malformed Idempotency-Key is 400', async () => {
    const r = await read(await op('POST', `/v1/tokens/${await newToken()}/persist`, 'has space'));
    expect([r.status, r.body.error?.code]).toEqual([400, 'malformed_request']);
  });
});

describe('Idempotency-Key on reveal: a marker, never the card', () => {
  test('the first reveal answers; a repeat with the key is 409 and no card data is stored', async () => {
    const id = await newToken();
    const first = await read(await op('POST', `/v1/tokens/${id}/reveal`, 'reveal-1'));
    expect(first.status).toBe(200);
    expect((first.body.card as { number: string }).number).toBe('4242424242424242');
    const again = await read(await op('POST', `/v1/tokens/${id}/reveal`, 'reveal-1'));
    expect([again.status, again.body.error?.code, again.body.card]).toEqual([409, 'replayed_request', undefined]);
    const db = new Database(join(h.dir, 'vault.sqlite'), { readonly: true });
    const stored = JSON.stringify(db.prepare('SELECT * FROM idempotency').all());
    db.close();
    expect(stored).not.toContain('4242424242424242');
    expect(stored).not.toContain('"cvc"');
  });
});
