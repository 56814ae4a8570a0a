import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from './harness';
import { freshRedisSpace, type RedisSpace } from './support/services';

const spaces: RedisSpace[] = [];
const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
  await Promise.all(spaces.map((s) => s.clear()));
});
const space = async () => {
  const s = await freshRedisSpace();
  spaces.push(s);
  return s;
};
const vault = async (env: Record<string, string>) => {
  const h = await makeHarness(env);
  open.push(h);
  return h;
};
const masterKey = () => randomBytes(32).toString('base64');

describe('two deployments on one Redis prefix', () => {
  test('a second vault with another master key refuses to start, naming TOKENFRAME_REDIS_PREFIX', async () => {
    const redis = await space();
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: masterKey() });
    await expect(makeHarness({ ...redis.env, TOKENFRAME_MASTER_KEY: masterKey() })).rejects.toThrow(
      /TOKENFRAME_REDIS_PREFIX "tf_test_[0-9a-f]+:" is already used by a vault with a different master key/,
    );
  });

  test('processes of one deployment (same master key) share the prefix; another prefix is fine', async () => {
    const redis = await space();
    const key = masterKey();
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: key });
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: key });
    const other = await space();
    await vault({ ...other.env, TOKENFRAME_MASTER_KEY: masterKey() });
  });

  test('a master-key rotation (the old key in TOKENFRAME_PREVIOUS_MASTER_KEYS) moves the check to the new key', async () => {
    const redis = await space();
    const [oldKey, newKey] = [masterKey(), masterKey()];
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: oldKey });
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: newKey, TOKENFRAME_PREVIOUS_MASTER_KEYS: oldKey });
    await vault({ ...redis.env, TOKENFRAME_MASTER_KEY: newKey }); // the old key retired
    await expect(makeHarness({ ...redis.env, TOKENFRAME_MASTER_KEY: oldKey })).rejects.toThrow(/TOKENFRAME_REDIS_PREFIX/);
  });
});
