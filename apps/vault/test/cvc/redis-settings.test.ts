import { afterAll, describe, expect, test } from 'vitest';
import { redisSettingNotes, reportCvcKeyStorage } from '../../src/cvc/report-cvc-key-storage';
import { createLogger } from '../../src/log/create-logger';
import type { RedisSettings } from '../../src/shared-state/redis-settings';
import { createSharedState } from '../../src/shared-state/shared-state';
import { makeHarness } from '../harness';
import { freshRedisSpace } from '../support/services';

/**
 * At start the vault checks what crypto-shredding relies on in its Redis (docs/operations.md, "CVC
 * key generations"): no persistence, no eviction, clocks within the 60 s margin. The notes are a
 * table; reading the settings runs against the real Redis, and against one that is not there.
 */
const GOOD: RedisSettings = { persistence: undefined, evictionPolicy: 'noeviction', clockSkewMs: 40 };

describe('what the start report says about Redis', () => {
  test.each([
    ['all as required: nothing', GOOD, []],
    [
      'RDB snapshots on: a warning',
      { ...GOOD, persistence: 'RDB snapshots (save "3600 1")' },
      [['warn', /Redis persists to disk: RDB snapshots/]],
    ],
    [
      'CONFIG refused: ask to check persistence and eviction',
      { ...GOOD, persistence: 'unknown', evictionPolicy: 'unknown' },
      [
        ['info', /persistence/],
        ['info', /maxmemory-policy/],
      ],
    ],
    [
      'allkeys-lru: a warning that generations can be evicted',
      { ...GOOD, evictionPolicy: 'allkeys-lru' },
      [['warn', /maxmemory-policy is allkeys-lru.*noeviction/]],
    ],
    [
      'volatile-ttl (evicts exactly keys with an expiry, like the slots): a warning',
      { ...GOOD, evictionPolicy: 'volatile-ttl' },
      [['warn', /volatile-ttl/]],
    ],
    ['Redis 30 s ahead: a warning', { ...GOOD, clockSkewMs: 30_000 }, [['warn', /Redis's clock is 30 s ahead of this vault's/]]],
    ['Redis 12 s behind: a warning', { ...GOOD, clockSkewMs: -12_000 }, [['warn', /12 s behind/]]],
    ['9 s apart: within the warning threshold', { ...GOOD, clockSkewMs: 9_000 }, []],
    ['TIME failed: no clock note', { ...GOOD, clockSkewMs: undefined }, []],
  ] as [string, RedisSettings, [string, RegExp][]][])('%s', (_n, settings, expected) => {
    const notes = redisSettingNotes(settings);
    expect(notes.map((n) => n.level)).toEqual(expected.map(([level]) => level));
    notes.forEach((n, i) => expect(n.message).toMatch(expected[i]![1]));
  });
});

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});
function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ destination: { write: (s: string) => void lines.push(s) } }) };
}

describe('reading the settings', () => {
  test("the real Redis: its eviction policy, and a clock skew measured against the vault's clock", async () => {
    const space = await freshRedisSpace();
    const shared = createSharedState({ url: space.url, prefix: space.prefix });
    closers.push(
      () => shared.close(),
      () => space.clear(),
    );
    const s = (await shared.redisSettings(Date.now))!;
    expect(s.evictionPolicy).toMatch(/^[a-z-]+$/);
    expect(Math.abs(s.clockSkewMs!)).toBeLessThan(1_000);
    const behind = (await shared.redisSettings(() => Date.now() + 30_000))!;
    expect(behind.clockSkewMs).toBeGreaterThan(-31_000);
    expect(behind.clockSkewMs).toBeLessThan(-29_000);
  });

  test("a vault whose clock is 30 s ahead of Redis's is warned at start, with the skew in the message", async () => {
    const space = await freshRedisSpace();
    const h = await makeHarness(space.env);
    closers.push(
      () => h.close(),
      () => space.clear(),
    );
    const { lines, logger } = capture();
    await reportCvcKeyStorage(h.vault, logger, () => Date.now() + 30_000);
    expect(lines.filter((l) => l.includes('"level":40') && l.includes("s behind this vault's"))).toHaveLength(1);
  });

  test('Redis unreachable: the report says it could not check, and neither throws nor warns', async () => {
    const h = await makeHarness({ REDIS_URL: 'redis://127.0.0.1:1' });
    closers.push(() => h.close());
    expect(await h.vault.shared.redisSettings(Date.now)).toEqual({
      persistence: 'unknown',
      evictionPolicy: 'unknown',
      clockSkewMs: undefined,
    });
    const { lines, logger } = capture();
    await reportCvcKeyStorage(h.vault, logger);
    expect(lines.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([30, 30]);
  });
});
