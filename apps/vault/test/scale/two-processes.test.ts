import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliJson } from '../live-vault';
import { freshPgSchema, freshRedisSpace, type PgSchema, type RedisSpace } from '../support/services';
import { blast, PAGE, postToken, presealed, spawnVault, type VaultProcess } from './vault-process';

/** Two vault processes on one PostgreSQL schema and one Redis prefix, behind a round-robin client. */
let pg: PgSchema;
let redis: RedisSpace;
let dir: string;
let a: VaultProcess;
let b: VaultProcess;
let pk: string;
let pkTight: string;
let sk: string;

beforeAll(async () => {
  [pg, redis] = [await freshPgSchema(), await freshRedisSpace()];
  dir = mkdtempSync(join(tmpdir(), 'tf-two-'));
  const base = { TOKENFRAME_DATA_DIR: dir, TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'), ...pg.env, ...redis.env };
  // The CLI initialises the schema and the vault's secrets once, before the processes start.
  pk = (await cliJson(base, 'keys', 'create', '--account', 'two', '--type', 'publishable', '--env', 'test', '--origin', PAGE)).key;
  const tight = await cliJson(base, 'keys', 'create', '--account', 'two', '--type', 'publishable', '--env', 'test', '--origin', PAGE);
  pkTight = tight.key;
  sk = (await cliJson(base, 'keys', 'create', '--account', 'two', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read')).key;
  const limits = {
    default: { perKey: [1e6, 60], perIp: [1e6, 60], perBin: [1e6, 60], perFingerprint: [1e6, 60] },
    keys: { [tight.id]: { perKey: [4, 60] } },
  };
  const env = {
    ...base,
    TOKENFRAME_PROCESSES: '2',
    NODE_ENV: 'production',
    TOKENFRAME_RATE_LIMITS: JSON.stringify(limits),
    TOKENFRAME_SESSION_RATE_PER_MINUTE: '100000',
  };
  [a, b] = await Promise.all([spawnVault(env), spawnVault(env)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
  await pg?.drop();
  await redis?.clear();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const codeOf = async (r: Response) => ((await r.json()) as { error?: { code: string } }).error?.code;

describe('two processes, one store', () => {
  test('a JWE accepted by one process is refused as a replay by the other; racing it to both, exactly one wins', async () => {
    const [first, second] = await presealed([a.url, b.url], pk, 2, () => '4242424242424242');
    expect((await postToken(a.url, pk, first!.jwe)).status).toBe(201);
    const replay = await postToken(b.url, pk, first!.jwe);
    expect([replay.status, await codeOf(replay)]).toEqual([409, 'replayed_request']);
    const race = await Promise.all([postToken(a.url, pk, second!.jwe), postToken(b.url, pk, second!.jwe)]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  test('a rate limit counted on one process is enforced on the other', async () => {
    const work = await presealed([a.url, b.url], pkTight, 6, () => '4242424242424242');
    const statuses: number[] = [];
    for (const [i, w] of work.entries()) statuses.push((await postToken(i % 2 ? b.url : a.url, pkTight, w.jwe)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]); // per process alone, each would still allow 4
  });

  test('tokens created on one process are readable on the other; idempotent retries land anywhere', async () => {
    const [w] = await presealed([a.url], pk, 1, () => '5555555555554444');
    const idem = randomUUID();
    const created = await postToken(a.url, pk, w!.jwe, idem);
    const id = ((await created.json()) as { id: string }).id;
    const read = await fetch(`${b.url}/v1/tokens/${id}`, { headers: { Authorization: `Bearer ${sk}` } });
    expect([read.status, ((await read.json()) as { card: { last4: string } }).card.last4]).toEqual([200, '4444']);
    const retry = await postToken(b.url, pk, w!.jwe, idem);
    expect([retry.status, retry.headers.get('Idempotent-Replayed'), ((await retry.json()) as { id: string }).id]).toEqual([
      201,
      'true',
      id,
    ]);
  });

  test('tokenize throughput: one process vs two (round-robin), same PostgreSQL', async () => {
    const n = 150;
    const one = await presealed([a.url, b.url], pk, n, () => '4242424242424242');
    const two = await presealed([a.url, b.url], pk, n, () => '4242424242424242');
    const r1 = await blast([a.url], pk, one, 16);
    const r2 = await blast([a.url, b.url], pk, two, 16);
    const rate = (r: { acked: unknown[]; seconds: number }) => Math.round(r.acked.length / r.seconds);
    console.warn(
      `[throughput postgres] 1 process: ${rate(r1)} tokens/s (${r1.acked.length} in ${r1.seconds.toFixed(2)} s); 2 processes: ${rate(r2)} tokens/s (${r2.acked.length} in ${r2.seconds.toFixed(2)} s)`,
    );
    expect([r1.acked.length, r2.acked.length]).toEqual([n, n]);
  }, 60_000);
});

test('NODE_ENV=production with TOKENFRAME_PROCESSES=2 and no REDIS_URL refuses to start', async () => {
  const env = {
    TOKENFRAME_DATA_DIR: mkdtempSync(join(tmpdir(), 'tf-refuse-')),
    TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    NODE_ENV: 'production',
    TOKENFRAME_PROCESSES: '2',
    ...pg.env,
    REDIS_URL: '',
  };
  await expect(spawnVault(env)).rejects.toThrow(/TOKENFRAME_PROCESSES=2 but no REDIS_URL/);
  rmSync(env.TOKENFRAME_DATA_DIR, { recursive: true, force: true });
}, 30_000);
