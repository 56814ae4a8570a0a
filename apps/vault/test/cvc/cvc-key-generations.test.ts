import { randomBytes } from 'node:crypto';
import { openBytes } from '@tokenframe/crypto/at-rest';
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

  test('a window is named by its start, length and TTL, and is destroyed one window + one TTL + the margin after it starts', () => {
    const w = windowAt(1_800_000_123_456, TTL);
    expect(w).toEqual({
      id: 'cg-1800000000-600-600',
      start: 1_800_000_000_000,
      destroyAt: 1_800_000_000_000 + 600_000 + TTL + GENERATION_MARGIN_MS,
    });
    expect(windowOf(w.id)).toEqual(w);
  });

  test.each([
    ['1 h and 2 h', 3_600_000, 7_200_000],
    ['30 s and 45 s', 30_000, 45_000],
  ])('TTLs of %s share a window length but not a generation; each is destroyed by its own TTL', (_n, shorter, longer) => {
    const [a, b] = [windowAt(NOW, shorter), windowAt(NOW, longer)];
    expect(a.start).toBe(b.start);
    expect(a.id).not.toBe(b.id);
    expect(b.destroyAt - a.destroyAt).toBe(longer - shorter);
    expect([windowOf(a.id)?.destroyAt, windowOf(b.id)?.destroyAt]).toEqual([a.destroyAt, b.destroyAt]);
  });

  test.each([
    ['a master CVC KEK id', 'ck_abcdef'],
    ['a master data KEK id', 'mk_abcdef'],
    ['the format without the TTL', 'cg-1800000000-600'],
    ['a window shorter than 1 min', 'cg-1800000000-30-30'],
    ['a start off the window grid', 'cg-1800000001-600-600'],
    ['a length the TTL does not give', 'cg-1800000000-600-7200'],
    ['leading zeros (a second spelling of a window)', 'cg-1800000000-600-0600'],
    ['not a number', 'cg-x-600-600'],
    ['empty', ''],
  ])('%s is not a generation window: %j', (_n, id) => expect(windowOf(id)).toBeUndefined());
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
    expect(new Set(keys.map((k) => k.id))).toEqual(new Set([windowAt(NOW, TTL).id]));
    expect(new Set(keys.map((k) => k.key.toString('hex'))).size).toBe(1);
    expect((await processes[3]!.find(keys[0]!.id, NOW))?.equals(keys[0]!.key)).toBe(true);
  });

  test('the stored key is the raw 32 bytes wrapped under the master CVC key: another master key neither seals with it nor finds it', async () => {
    const slots = makeSlots();
    const mine = deriveKeks(randomBytes(32));
    const { id, key } = await new CvcKeyGenerations(slots, master(mine), TTL).current(NOW);
    const stored = (await slots.get(id))!;
    expect(stored.split('.').slice(0, 2)).toEqual(['v1', mine.cvc.id]);
    for (const form of ['base64url', 'base64', 'hex', 'latin1'] as const) expect(stored).not.toContain(key.toString(form));
    expect(openBytes(() => mine.cvc.key, stored, { account: '_vault', token: id, field: 'cvc-generation' }).equals(key)).toBe(true);
    const stranger = new CvcKeyGenerations(slots, master(), TTL);
    await expect(stranger.current(NOW)).rejects.toThrow(/does not unwrap with this vault's master key/);
    expect(await stranger.find(id, NOW)).toBeUndefined();
  });

  test("a wrapped key copied into another generation's slot does not open there (the wrap binds the generation id)", async () => {
    const slots = makeSlots();
    const g = new CvcKeyGenerations(slots, master(), TTL);
    const { id } = await g.current(NOW);
    const next = windowAt(NOW + TTL, TTL);
    await slots.putIfAbsent(next.id, (await slots.get(id))!, next.destroyAt);
    expect(await g.find(next.id, NOW + TTL)).toBeUndefined();
    await expect(g.current(NOW + TTL)).rejects.toThrow(/does not unwrap/);
    expect(await g.find(id, NOW)).toBeDefined(); // control: in its own slot it opens
  });

  test('shred destroys exactly the generations past their destroy time, by the vault clock', async () => {
    const g = new CvcKeyGenerations(makeSlots(), master(), TTL);
    const first = await g.current(NOW);
    const second = await g.current(NOW + TTL);
    const firstEnd = windowOf(first.id)!.destroyAt;
    expect(await g.shred(firstEnd - 1)).toBe(0);
    expect(await g.find(first.id, firstEnd - 1)).toBeDefined();
    expect(await g.shred(firstEnd)).toBe(1);
    expect(await g.find(first.id, NOW)).toBeUndefined(); // gone from the slots, not merely past its time
    expect((await g.find(second.id, firstEnd))?.equals(second.key)).toBe(true);
  });

  test('past its destroy time a generation is refused even before a sweep deletes it; its id decides, not the TTL of the process asking', async () => {
    const slots = makeSlots();
    const m = master();
    const { id } = await new CvcKeyGenerations(slots, m, 7_200_000).current(NOW); // sealed by a process with a 2 h TTL
    const asker = new CvcKeyGenerations(slots, m, TTL); // revealed by one with 10 min
    const end = windowOf(id)!.destroyAt;
    expect(end).toBe(windowAt(NOW, 3_600_000).start + 3_600_000 + 7_200_000 + GENERATION_MARGIN_MS);
    expect(await asker.find(id, end - 1)).toBeDefined();
    expect(await asker.find(id, end)).toBeUndefined();
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

  test('replace is compare-and-set: a value read before another write does not overwrite it', async () => {
    const slots = makeSlots();
    const w = windowAt(NOW, TTL);
    await slots.putIfAbsent(w.id, 'first', w.destroyAt);
    expect(await slots.replace(w.id, 'first', 'second')).toBe(true);
    expect(await slots.replace(w.id, 'first', 'stale')).toBe(false);
    expect(await slots.get(w.id)).toBe('second');
    expect(await slots.replace('cg-0-600-600', 'second', 'x')).toBe(false);
    expect(await slots.get('cg-0-600-600')).toBeUndefined();
  });
});

describe('Redis slots', () => {
  test('each slot also expires in Redis itself (PXAT), in case no sweep runs; a rewrap keeps that expiry', async () => {
    const prefix = `${redisSpace.prefix}pxat:`;
    const slots = new RedisCvcKeySlots(redis, prefix);
    const g = new CvcKeyGenerations(slots, master(), TTL);
    const { id } = await g.current(Date.now());
    const destroyAt = windowOf(id)!.destroyAt;
    const pxat = await redis.pexpiretime(`${prefix}cvc-key:${id}`);
    expect(pxat).toBe(destroyAt);
    expect(await redis.zscore(`${prefix}cvc-keys`, id)).toBe(String(destroyAt));
    expect(await slots.replace(id, (await slots.get(id))!, 'rewrapped')).toBe(true);
    expect(await redis.pexpiretime(`${prefix}cvc-key:${id}`)).toBe(destroyAt);
  });
});
