import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { freshPgSchema, freshRedisSpace, type PgSchema, type RedisSpace } from '../support/services';

/**
 * What losing CVC key generations costs, and what it must never cost: a CVC whose generation is
 * gone (Redis restarted or flushed; a vault without Redis restarted) answers exactly like an
 * expired CVC — no oracle — while the operator gets a warning and a metric; card numbers never
 * depend on a generation. With Redis, vault restarts and other processes lose nothing.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
async function services(): Promise<{ pg: PgSchema; redis: RedisSpace }> {
  const [pg, redis] = [await freshPgSchema(), await freshRedisSpace()];
  cleanups.push(
    () => pg.drop(),
    () => redis.clear(),
  );
  return { pg, redis };
}
/** A vault on a data folder and master key that outlive it, so a second one is "the same vault, restarted". */
function durableEnv(extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-cvc-loss-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { TOKENFRAME_DATA_DIR: dir, TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'), ...extra };
}
async function open(env: Record<string, string>): Promise<Harness> {
  const h = await makeHarness(env);
  cleanups.push(() => h.close());
  return h;
}
async function keys(h: Harness) {
  const pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read', '--scope', 'tokens:reveal'))
    .key;
  return { pk, sk };
}
async function tokenize(h: Harness, pk: string, cvc = '482'): Promise<string> {
  const res = await h.tokenize(pk, await h.seal({ pk, sid: await h.session(pk), cvc }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
/** Read then reveal, as the merchant's backend sees them; ids and times masked so two tokens compare. */
async function readAndReveal(h: Harness, sk: string, id: string) {
  const mask = (text: string) => text.replaceAll(id, 'tok_X').replace(/"(createdAt|expiresAt)":\d+/g, '"$1":0');
  const read = await h.api.request(`/v1/tokens/${id}`, { headers: secretHeaders(sk) });
  const reveal = await h.api.request(`/v1/tokens/${id}/reveal`, { method: 'POST', headers: secretHeaders(sk) });
  return { read: [read.status, mask(await read.text())], reveal: [reveal.status, mask(await reveal.text())] };
}
const CARD = '4242424242424242';

describe.each([
  ['postgres + redis', async () => (await services()).pg.env, true],
  ['sqlite, generations in memory', async () => ({}), false],
] as const)('lost key generations: %s', (_name, backendEnv, withRedis) => {
  test('a CVC whose key generation is gone answers exactly like an expired CVC; the operator is warned, with no card data', async () => {
    const env = await backendEnv();
    const h = await open(withRedis ? { ...env, ...(await services()).redis.env } : env);
    const { pk, sk } = await keys(h);
    const lost = await tokenize(h, pk);
    await h.vault.shared.cvcKeySlots.destroyExpired(Number.MAX_SAFE_INTEGER); // every generation gone, as after a Redis flush
    const lostView = await readAndReveal(h, sk, lost);
    const expired = await tokenize(h, pk);
    h.clock.now += h.vault.cvcKeys.cvcTtlMs + 1;
    const expiredView = await readAndReveal(h, sk, expired);

    expect(lostView).toEqual(expiredView);
    expect(lostView.read[1]).toContain('"cvcPresent":false');
    expect(JSON.parse(lostView.reveal[1] as string)).toMatchObject({ card: { number: CARD } });
    expect(lostView.reveal[1]).not.toContain('cvc');
    const warnings = h.logs.filter((l) => l.includes('its key generation is gone'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"generation":"cg-\d+-600-600"/);
    expect(warnings[0]).not.toMatch(/"482"|424242/);
    expect(h.vault.metrics.render()).toMatch(/^tokenframe_cvc_unreadable_total 1$/m);
  });
});

test('with Redis, CVCs survive a vault restart and are shared by every process (PostgreSQL)', async () => {
  const { pg, redis } = await services();
  const env = durableEnv({ ...pg.env, ...redis.env });
  const first = await open(env);
  const second = await open(env); // a second process on the same database and Redis
  const { pk, sk } = await keys(first);
  const [a, b] = [await tokenize(first, pk, '111'), await tokenize(first, pk, '222')];
  await first.vault.close(); // the first process stops (close() is idempotent)
  const restarted = await open(env);
  const reveal = async (h: Harness, id: string) =>
    (
      (await (await h.api.request(`/v1/tokens/${id}/reveal`, { method: 'POST', headers: secretHeaders(sk) })).json()) as {
        card: { cvc?: string };
      }
    ).card.cvc;
  expect([await reveal(second, a), await reveal(restarted, b)]).toEqual(['111', '222']);
});

test('without Redis, a restart makes CVCs not yet revealed unreadable — answered like expired ones — and card numbers are unaffected (SQLite)', async () => {
  const env = durableEnv();
  const before = await open(env);
  const { pk, sk } = await keys(before);
  const id = await tokenize(before, pk);
  await before.vault.close();
  const after = await open(env);
  const { read, reveal } = await readAndReveal(after, sk, id);
  expect([read[0], reveal[0]]).toEqual([200, 200]);
  expect(read[1]).toContain('"cvcPresent":false');
  expect(JSON.parse(reveal[1] as string)).toEqual({
    id: 'tok_X',
    card: { number: CARD, expMonth: 12, expYear: expect.any(Number) as number },
  });
  expect(after.logs.some((l) => l.includes('its key generation is gone'))).toBe(true);
});

test('master-key rotation: after the CLI master-key rewrap and retiring the old key, a CVC not yet revealed still reveals (PostgreSQL + Redis)', async () => {
  const { pg, redis } = await services();
  const env = durableEnv({ ...pg.env, ...redis.env });
  const old = await open(env);
  const { pk, sk } = await keys(old);
  const id = await tokenize(old, pk, '909');
  await old.vault.close();
  const newKey = randomBytes(32).toString('base64');
  const rotating = await open({ ...env, TOKENFRAME_MASTER_KEY: newKey, TOKENFRAME_PREVIOUS_MASTER_KEYS: env.TOKENFRAME_MASTER_KEY! });
  const r = await rotating.cli('master-key', 'rewrap', '--json');
  expect(r.code).toBe(0);
  // Rewrapped: the PAN and the two vault_state secrets (keyring, fingerprint secret). Not the CVC:
  // its data key is wrapped by its generation, and the generation (1) is what gets rewrapped.
  expect(JSON.parse(r.out)).toEqual({ rewrapped: 3, cvcKeyGenerations: 1 });
  await rotating.vault.close();
  const rotated = await open({ ...env, TOKENFRAME_MASTER_KEY: newKey });
  const res = await rotated.api.request(`/v1/tokens/${id}/reveal`, { method: 'POST', headers: secretHeaders(sk) });
  expect(((await res.json()) as { card: { number: string; cvc?: string } }).card).toMatchObject({ number: CARD, cvc: '909' });
});
