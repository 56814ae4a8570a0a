import { openBytes, openField, type FieldAad } from '@tokenframe/crypto/at-rest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { kekIdOf } from '../../src/cvc/generation-window';
import { createLogger } from '../../src/log/create-logger';
import type { SweepDeps } from '../../src/server/purge-sweep';
import type { Harness } from '../harness';
import type { PgSchema, RedisSpace } from '../support/services';

/**
 * A CVC envelope under a key generation, as the bytes sit in a table file: `v1.cg-<start>-<len>-<ttl>.`
 * then wrapIv (12 B), wrapped key (32 B), wrap tag (16 B), iv (12 B), ciphertext (3–4 B), tag
 * (16 B), base64url. Fixed part lengths, so bytes that follow the value in the page cannot extend it.
 */
const CVC_ENVELOPE = /v1\.cg-\d+-\d+-\d+\.[\w-]{16}\.[\w-]{43}\.[\w-]{22}\.[\w-]{16}\.[\w-]{4,6}\.[\w-]{22}/g;

/**
 * Every CVC envelope still physically in the `tokens` table's file, dead row versions included:
 * CHECKPOINT writes the dirty pages, then the superuser function pg_read_binary_file reads the
 * relation's file as PostgreSQL stored it (what a disk image or a physical backup would hold).
 */
export async function cvcEnvelopesInTableFile(db: PgSchema): Promise<string[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('CHECKPOINT');
    const r = await c.query<{ bytes: Buffer }>(`SELECT pg_read_binary_file(pg_relation_filepath('${db.schema}.tokens')) AS bytes`);
    return [...r.rows[0]!.bytes.toString('latin1').matchAll(CVC_ENVELOPE)].map((m) => m[0]);
  } finally {
    await c.end();
  }
}

/** The real sweep body (src/server/purge-sweep.ts) on the harness's clock. */
export function sweepDeps(h: Harness): SweepDeps {
  const logger = createLogger({ destination: { write: (s: string) => void h.logs.push(s) } });
  return {
    stores: h.vault.stores,
    secrets: h.vault.secrets,
    cvcKeys: h.vault.cvcKeys,
    metrics: h.vault.metrics,
    logger,
    now: () => h.clock.now,
  };
}

/**
 * Tries to open a CVC envelope with everything the vault still has, and names each thing that
 * worked: the generation lookup; every master KEK (current and previous, data and CVC) used
 * directly as the envelope's KEK; and every value stored anywhere under the vault's Redis prefix
 * (or in its memory slots) unwrapped as a generation key with every master KEK. Empty = shredded.
 */
export async function whatStillOpens(h: Harness, envelope: string, aad: FieldAad, redisSpace?: RedisSpace): Promise<string[]> {
  const id = kekIdOf(envelope);
  const masters = [h.vault.masterKeys, ...h.vault.masterKeys.previous].flatMap((m) => [m.data, m.cvc]);
  const opened: string[] = [];
  const attempt = (label: string, key: Buffer | undefined) => {
    if (!key) return;
    try {
      openField(() => key, envelope, aad);
      opened.push(label);
    } catch {
      /* does not open: what shredding is for */
    }
  };
  attempt('the generation lookup', await h.vault.cvcKeys.find(id, h.clock.now));
  for (const m of masters) attempt(`master KEK ${m.id}`, m.key);
  const stored: [string, string][] = [];
  for (const name of await h.vault.shared.cvcKeySlots.names()) {
    const v = await h.vault.shared.cvcKeySlots.get(name);
    if (v !== undefined) stored.push([`slot ${name}`, v]);
  }
  if (redisSpace) stored.push(...(await everyRedisString(redisSpace)));
  for (const [where, value] of stored) {
    for (const m of masters) {
      try {
        const key = openBytes(() => m.key, value, { account: '_vault', token: id, field: 'cvc-generation' });
        attempt(`${where} unwrapped with ${m.id}`, key);
      } catch {
        /* not a generation key for this id under this master key */
      }
    }
  }
  return opened;
}

async function everyRedisString(space: RedisSpace): Promise<[string, string][]> {
  const redis = new Redis(space.url);
  try {
    const out: [string, string][] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${space.prefix}*`, 'COUNT', 500);
      for (const k of keys) if ((await redis.type(k)) === 'string') out.push([`redis ${k}`, (await redis.get(k)) ?? '']);
      cursor = next;
    } while (cursor !== '0');
    return out;
  } finally {
    redis.disconnect();
  }
}
