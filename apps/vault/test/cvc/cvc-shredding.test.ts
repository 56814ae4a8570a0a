import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kekIdOf, windowOf } from '../../src/cvc/generation-window';
import { sweepOnce } from '../../src/server/purge-sweep';
import { makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { freshPgSchema, freshRedisSpace, type PgSchema, type RedisSpace } from '../support/services';
import { cvcEnvelopesInTableFile, sweepDeps, whatStillOpens } from './shredding-support';

/**
 * The proof of CVC crypto-shredding (docs/security.md, "CVC crypto-shredding"). On PostgreSQL a
 * CVC deleted by a reveal or by the TTL sweep stays in the table file as a dead row version; the
 * test reads that old version from the file and shows that, once the sweep has destroyed its key
 * generation, nothing the vault still has opens it — master keys and everything in Redis included.
 * On SQLite (secure_delete zeroes the row) a copy taken before the delete stands in for a backup.
 */
type Backend = { env: Record<string, string>; pg?: PgSchema; redis?: RedisSpace };
const BACKENDS: [string, () => Promise<Backend>][] = [
  [
    'postgres + redis',
    async () => {
      const [pg, redis] = [await freshPgSchema(), await freshRedisSpace()];
      return { env: { ...pg.env, ...redis.env }, pg, redis };
    },
  ],
  ['sqlite, generations in memory', async () => ({ env: {} })],
];

describe.each(BACKENDS)('CVC crypto-shredding: %s', (_name, open) => {
  let b: Backend;
  let h: Harness;
  let pk: string;
  let sk: string;
  beforeAll(async () => {
    b = await open();
    h = await makeHarness(b.env);
    pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
    sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read', '--scope', 'tokens:reveal')).key;
  });
  afterAll(async () => {
    await h?.close();
    await b?.pg?.drop();
    await b?.redis?.clear();
  });

  test.each([
    ['by its reveal', 'reveal'],
    ['by the TTL sweep', 'ttl'],
  ])(
    'a CVC deleted %s: the old row version keeps its ciphertext; once the sweep shreds its generation, nothing the vault has opens it',
    async (_n, how) => {
      const sid = await h.session(pk);
      const id = ((await (await h.tokenize(pk, await h.seal({ pk, sid, cvc: '731' }))).json()) as { id: string }).id;
      const sealed = (await h.vault.stores.tokens.find(id))!;
      const before = sealed.cvcEnc!;
      const generation = kekIdOf(before);
      expect(generation).toMatch(/^cg-\d+-600-600$/);
      const aad = { account: sealed.accountId, token: id, field: 'cvc' };

      if (how === 'reveal') {
        const res = await h.api.request(`/v1/tokens/${id}/reveal`, { method: 'POST', headers: secretHeaders(sk) });
        expect(((await res.json()) as { card: { cvc?: string } }).card.cvc).toBe('731');
      } else {
        h.clock.now = sealed.cvcExpiresAt!;
        await sweepOnce(sweepDeps(h));
      }
      expect((await h.vault.stores.tokens.find(id))?.cvcEnc).toBeNull();

      // The gap this closes: the deleted CVC's ciphertext is still in PostgreSQL's table file.
      const leftover = b.pg ? await cvcEnvelopesInTableFile(b.pg) : [before];
      expect(leftover).toContain(before);
      // Control: until the generation is destroyed, the leftover opens — via the generation lookup
      // and via its wrapped key in the slots — so the empty list below is not vacuous.
      expect(await whatStillOpens(h, before, aad, b.redis)).toEqual(
        expect.arrayContaining([
          'the generation lookup',
          expect.stringMatching(new RegExp(`^(slot|redis) .*${generation} unwrapped with ck_`)),
        ]),
      );

      h.clock.now = windowOf(generation)!.destroyAt;
      await sweepOnce(sweepDeps(h));

      const stillThere = b.pg ? await cvcEnvelopesInTableFile(b.pg) : [before];
      expect(stillThere).toContain(before);
      for (const envelope of stillThere.filter((e) => kekIdOf(e) === generation)) {
        expect(await whatStillOpens(h, envelope, aad, b.redis)).toEqual([]);
      }
      expect(h.logs.some((l) => l.includes('"cvcKeyGenerationsShredded":1'))).toBe(true);
      expect(h.vault.metrics.render()).toMatch(/^tokenframe_cvc_key_generations_shredded_total \d+$/m);
      // Two CHECKPOINTs: on a PostgreSQL server shared with other suites, each writes everyone's dirty
      // pages (seconds under load, 5041 ms seen in a full run); well within this, not the 5 s default.
    },
    30_000,
  );
});
