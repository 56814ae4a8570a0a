import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kekIdOf, windowOf } from '../../src/cvc/generation-window';
import { sweepOnce } from '../../src/server/purge-sweep';
import { makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { freshPgSchema, freshRedisSpace, type PgSchema, type RedisSpace } from '../support/services';
import { sweepDeps } from './shredding-support';

/**
 * What an outage costs the CVCs. Two vault processes on one PostgreSQL database and one master key:
 * `up` reaches Redis, `cut` has REDIS_URL pointing at a port nothing listens on (Redis down or
 * partitioned from that process). A reveal fetches the CVC's key before its transaction deletes
 * the CVC, so an outage fails the request and costs no CVC; the purge sweep's two halves (shred in
 * Redis, purge in the database) do not wait on each other.
 */
let pg: PgSchema;
let redis: RedisSpace;
let up: Harness;
let cut: Harness;
let pk: string;
let sk: string;
beforeAll(async () => {
  [pg, redis] = [await freshPgSchema(), await freshRedisSpace()];
  const shared = { ...pg.env, TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64') };
  up = await makeHarness({ ...shared, ...redis.env });
  cut = await makeHarness({ ...shared, REDIS_URL: 'redis://127.0.0.1:1', TOKENFRAME_REDIS_PREFIX: redis.prefix });
  pk = (await up.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  sk = (await up.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read', '--scope', 'tokens:reveal')).key;
});
afterAll(async () => {
  await cut?.close();
  await up?.close();
  await pg?.drop();
  await redis?.clear();
});

async function tokenize(cvc: string): Promise<string> {
  const res = await up.tokenize(pk, await up.seal({ pk, sid: await up.session(pk), cvc }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const reveal = (h: Harness, id: string) => h.api.request(`/v1/tokens/${id}/reveal`, { method: 'POST', headers: secretHeaders(sk) });

describe('Redis unreachable from one vault process', () => {
  test('read and reveal answer 500 with nothing internal in the body; the CVC is still there and a process that reaches Redis reveals it', async () => {
    const id = await tokenize('828');
    const answers = [await cut.api.request(`/v1/tokens/${id}`, { headers: secretHeaders(sk) }), await reveal(cut, id)];
    for (const res of answers) {
      expect(res.status).toBe(500);
      // Exactly the generic error: no Redis message, address, generation id or card data.
      expect(await res.json()).toEqual({
        error: {
          type: 'api_error',
          code: 'internal_error',
          message: 'Something went wrong in the vault. Quote the request id when reporting it.',
          requestId: expect.stringMatching(/^req_[\w-]{16}$/) as string,
        },
      });
    }
    expect((await up.vault.stores.tokens.find(id))?.cvcEnc).toMatch(/^v1\.cg-/);
    const revealed = (await (await reveal(up, id)).json()) as { card: { number: string; cvc?: string } };
    expect(revealed.card).toMatchObject({ number: '4242424242424242', cvc: '828' });
  }, 30_000);
});

describe('the purge sweep: shred and purge do not wait on each other', () => {
  test('with the database purge failing, the sweep still destroys a generation past its time', async () => {
    const generation = kekIdOf((await up.vault.stores.tokens.find(await tokenize('111')))!.cvcEnc!);
    const store = up.vault.stores;
    const failing = new Proxy(store, {
      get: (target, name) => {
        if (name === 'transaction') return () => Promise.reject(new Error('database unreachable'));
        const v = Reflect.get(target, name, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    up.clock.now = windowOf(generation)!.destroyAt;
    try {
      await sweepOnce({ ...sweepDeps(up), stores: failing });
    } finally {
      up.clock.now = Date.now();
    }
    expect(await up.vault.shared.cvcKeySlots.names()).not.toContain(generation);
    expect(up.logs.some((l) => l.includes('"msg":"purge sweep failed"') && l.includes('database unreachable'))).toBe(true);
    expect(up.logs.some((l) => l.includes('"cvcKeyGenerationsShredded":1'))).toBe(true);
  });

  test('with Redis unreachable, the sweep still purges the CVCs past their TTL from the database', async () => {
    const id = await tokenize('222');
    cut.clock.now = (await up.vault.stores.tokens.find(id))!.cvcExpiresAt!;
    await sweepOnce(sweepDeps(cut));
    expect((await up.vault.stores.tokens.find(id))?.cvcEnc).toBeNull();
    expect(cut.logs.some((l) => l.includes('destroying CVC key generations failed'))).toBe(true);
    expect(cut.logs.some((l) => l.includes('"msg":"purge sweep"') && /"cvcs":[1-9]/.test(l))).toBe(true);
  }, 30_000);
});
