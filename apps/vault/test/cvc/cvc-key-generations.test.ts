import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveKeks } from '../../src/config/master-key';
import { CvcKeyGenerations } from '../../src/cvc/cvc-key-generations';
import { generationLengthMs, GENERATION_MARGIN_MS, windowAt, windowOf } from '../../src/cvc/generation-window';
import { MemoryCvcKeySlots, type CvcKeySlots } from '../../src/shared-state/cvc-key-slots';
import { RedisCvcKeySlots } from '../../src/shared-state/redis-cvc-key-slots';
import { freshRedisSpace, type RedisSpace } from '../support/services';

const TTL = 600_000;
const NOW = Math.floor(Date.now() / TTL) * TTL + 1234; // near real time: Redis applies PXAT by its own clock

describe('generation windows', () => {
  test.each([
    ['the default 600 s TTL → 600 s windows', 600_000, 600_000],
    ['a TTL under a minute → 1 min windows', 10_000, 60_000],
    ['a TTL over an hour → 1 h windows', 7_200_000, 3_600_000],
    ['a TTL of 0 (CVCs never kept) → 1 min windows', 0, 60_000],
  ])('%s', (_n, ttl, length) => {
    expect(generationLengthMs(ttl)).toBe(length);
  });

  test('a window is named by its start and length, and is destroyed one window + one TTL + the margin after it starts', () => {
    const w = windowAt(1_800_000_123_456, 600_000, TTL);
    expect(w).toEqual({ id: 'cg-1800000000-600', start: 1_800_000_000_000, destroyAt: 1_800_000_000_000 + 600_000 + TTL + GENERATION_MARGIN_MS });
    expect(windowOf(w.id, TTL)).toEqual(w);
  });

  test.each([['ck_abcdef'], ['mk_abcdef'], ['cg-1800000000-30'], ['cg-1800000001-600'], ['cg-1800000000-7200'], ['cg-x-600'], ['']])(
    '%j is not a generation id',
    (id) => expect(windowOf(id, TTL)).toBeUndefined(),
  );
});

let redisSpace: RedisSpace;
let redis: Redis;
beforeAll(async () => {
  redisSpace = await freshRedisSpace();
  redis = new Redis(redisSpace.url);
});
afterAll(async () => {
  redis.disconnect();
  await redisSpace.clear();
});

const SLOTS: [string, () => CvcKeySlots][] = [
  ['memory', () => new MemoryCvcKeySlots()],
  ['redis', () => new RedisCvcKeySlots(redis, `${redisSpace.prefix}${randomBytes(3).toString('hex')}:`)],
];
const master = (k = deriveKeks(randomBytes(32)), previous: ReturnType<typeof deriveKeks>[] = []) => ({
  wrapKek: () => k.cvc,
  kekFor: (id: string) => [k, ...previous].find((x) => x.cvc.id === id)?.cvc.key,
});

describe.each(SLOTS)('CvcKeyGenerations on %s slots', (_name, makeSlots) => {
  test('processes starting a window at the same moment all get one key', async () => {
    const slots = makeSlots();
    const m = master();
    const processes = Array.from({ length: 8 }, () => new CvcKeyGenerations(slots, m, TTL));
    const keys = await Promise.all(processes.map((g) => g.current(NOW)));
    expect(new Set(keys.map((k) => k.id))).toEqual(new Set([windowAt(NOW, TTL, TTL).id]));
    expect(new Set(keys.map((k) => k.key.toString('hex'))).size).toBe(1);
    expect((await processes[3]!.find(keys[0]!.id, NOW))?.equals(keys[0]!.key)).toBe(true);
  });

  test('the stored key is wrapped under the master CVC key: another master key neither seals with it nor finds it', async () => {
    const slots = makeSlots();
    const mine = deriveKeks(randomBytes(32));
    const { id, key } = await new CvcKeyGenerations(slots, master(mine), TTL).current(NOW);
    const stored = (await slots.get(id))!;
    expect(stored.split('.').slice(0, 2)).toEqual(['v1', mine.cvc.id]);
    for (const form of ['base64url', 'base64', 'hex', 'latin1'] as const) expect(stored).not.toContain(key.toString(form));
    const stranger = new CvcKeyGenerations(slots, master(), TTL);
    await expect(stranger.current(NOW)).rejects.toThrow(/does not unwrap with this vault's master key/);
    expect(await stranger.find(id, NOW)).toBeUndefined();
  });

  test('shred destroys exactly the generations past their destroy time, by the vault clock', async () => {
    const g = new CvcKeyGenerations(makeSlots(), master(), TTL);
    const first = await g.current(NOW);
    const second = await g.current(NOW + TTL);
    const firstEnd = windowOf(first.id, TTL)!.destroyAt;
    expect(await g.shred(firstEnd - 1)).toBe(0);
    expect(await g.find(first.id, firstEnd - 1)).toBeDefined();
    expect(await g.shred(firstEnd)).toBe(1);
    expect(await g.find(first.id, NOW)).toBeUndefined(); // gone from the slots, not merely past its time
    expect(await g.exists(first.id, NOW)).toBe(false);
    expect((await g.find(second.id, firstEnd))?.equals(second.key)).toBe(true);
  });

  test('past its destroy time a generation is refused even before a sweep deletes it', async () => {
    const g = new CvcKeyGenerations(makeSlots(), master(), TTL);
    const { id } = await g.current(NOW);
    const end = windowOf(id, TTL)!.destroyAt;
    expect(await g.exists(id, end - 1)).toBe(true);
    expect([await g.find(id, end), await g.exists(id, end)]).toEqual([undefined, false]);
  });

  test('master-key rotation: rewrapAll moves live generations to the new key, so the old one can be retired', async () => {
    const slots = makeSlots();
    const [oldKeys, newKeys] = [deriveKeks(randomBytes(32)), deriveKeks(randomBytes(32))];
    const before = await new CvcKeyGenerations(slots, master(oldKeys), TTL).current(NOW);
    expect(await new CvcKeyGenerations(slots, master(newKeys, [oldKeys]), TTL).rewrapAll()).toBe(1);
    const after = await new CvcKeyGenerations(slots, master(newKeys), TTL).find(before.id, NOW);
    expect(after?.equals(before.key)).toBe(true);
    expect((await slots.get(before.id))!.split('.')[1]).toBe(newKeys.cvc.id);
  });
});

describe('Redis slots', () => {
  test('each slot also expires in Redis itself (PXAT), in case no sweep runs; a rewrap keeps that expiry', async () => {
    const prefix = `${redisSpace.prefix}pxat:`;
    const g = new CvcKeyGenerations(new RedisCvcKeySlots(redis, prefix), master(), TTL);
    const { id } = await g.current(Date.now());
    const destroyAt = windowOf(id, TTL)!.destroyAt;
    const pxat = await redis.pexpiretime(`${prefix}cvc-key:${id}`);
    expect(pxat).toBe(destroyAt);
    expect(await redis.zscore(`${prefix}cvc-keys`, id)).toBe(String(destroyAt));
    expect(await new RedisCvcKeySlots(redis, prefix).replace(id, 'rewrapped')).toBe(true);
    expect(await redis.pexpiretime(`${prefix}cvc-key:${id}`)).toBe(destroyAt);
    expect(await new RedisCvcKeySlots(redis, prefix).replace('cg-0-600', 'x')).toBe(false);
  });
});
