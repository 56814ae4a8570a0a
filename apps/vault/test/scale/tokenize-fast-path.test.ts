import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countRoundTrips, roundTrips } from '../../bench/count-round-trips';
import { makeHarness, SHOP, type Harness } from '../harness';
import { freshPgSchema, freshRedisSpace, luhnCard, type PgSchema, type RedisSpace } from '../support/services';

/**
 * The PostgreSQL + Redis tokenize path (DESIGN.md "Inside the vault"): the post-open limits, the
 * replay check, the jti claim and the CVC key slot read in one Redis script call, the commit in one SQL statement. Counted
 * with the bench's own counters (bench/count-round-trips.ts), which patch the clients in this
 * test process only.
 */
describe('tokenize on PostgreSQL + Redis', () => {
  let pg: PgSchema;
  let redis: RedisSpace;
  let h: Harness;
  let pk: string;
  beforeAll(async () => {
    countRoundTrips();
    [pg, redis] = [await freshPgSchema(), await freshRedisSpace()];
    h = await makeHarness({ ...pg.env, ...redis.env, TOKENFRAME_RATE_LIMITS: JSON.stringify({ default: { perSession: [3, 600] } }) });
    pk = (await h.key('--account', 'fast', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  }, 30_000);
  afterAll(async () => {
    await h?.close();
    await pg?.drop();
    await redis?.clear();
  });

  test('one tokenization: one SQL write statement, four statements in all, two Redis round trips', async () => {
    const sid = await h.session(pk);
    await h.tokenize(pk, await h.seal({ pk, sid })); // warm: the CVC key generation of this window, the scripts loaded
    const jwe = await h.seal({ pk, sid });
    const before = roundTrips();
    const res = await h.tokenize(pk, jwe);
    const after = roundTrips();
    expect(res.status).toBe(201);
    // key lookup, Idempotency-Key claim, session pre-check; then the commit: one statement, no BEGIN/COMMIT.
    expect(after.sql - before.sql).toBe(4);
    expect(after.tx - before.tx).toBe(4);
    // perIp + perKey before the JWE opens; then every other limit, the replay claim and the CVC key generation's slot.
    expect(after.redis - before.redis).toBe(2);
  });

  test('a replayed JWE is refused before any limit is spent; a card refused after the claim gives the jti back', async () => {
    const sid = await h.session(pk);
    const jwe = await h.seal({ pk, sid });
    expect((await h.tokenize(pk, jwe)).status).toBe(201); // perSession: 1 of 3
    for (let i = 0; i < 3; i++) {
      const again = await h.tokenize(pk, jwe); // a new Idempotency-Key each time
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('replayed_request');
    }
    // A live card on a test key is refused (402) after the limits and the claim: the same JWE retried
    // gets the same answer, not "replayed" (the claim was given back).
    const live = await h.seal({ pk, sid, pan: luhnCard('45561234') });
    const first = await h.tokenize(pk, live);
    const second = await h.tokenize(pk, live);
    expect([first.status, ((await first.json()) as { error: { code: string } }).error.code]).toEqual([402, 'live_card_in_test_mode']);
    expect([second.status, ((await second.json()) as { error: { code: string } }).error.code]).toEqual([402, 'live_card_in_test_mode']);
    // perSession [3, 600]: the first token and the two refused cards spent it; the replays did not.
    const over = await h.tokenize(pk, await h.seal({ pk, sid }));
    expect(over.status).toBe(429);
  });
});
