import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cliJson } from '../live-vault';
import { freshPgSchema, type PgSchema } from '../support/services';
import { blast, LOAD_LIMITS, PAGE, presealed, spawnVault } from './vault-process';

/**
 * SIGKILL under tokenize load, restart, and every token a client saw acknowledged must be there
 * and revealable. A process kill proves that nothing is acknowledged before it is committed
 * (power loss is about the disk: see docs/operations.md).
 */
const schemas: PgSchema[] = [];
afterAll(async () => {
  for (const s of schemas) await s.drop();
});

const BACKENDS: [string, () => Promise<Record<string, string>>][] = [
  ['sqlite', async () => ({})],
  [
    'postgres',
    async () => {
      const s = await freshPgSchema();
      schemas.push(s);
      return s.env;
    },
  ],
];

describe.each(BACKENDS)('crash durability: %s', (name, backend) => {
  test('every acknowledged token survives SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-crash-'));
    const env = {
      TOKENFRAME_DATA_DIR: dir,
      TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
      TOKENFRAME_RATE_LIMITS: LOAD_LIMITS,
      TOKENFRAME_SESSION_RATE_PER_MINUTE: '100000',
      ...(await backend()),
    };
    const pk = (await cliJson(env, 'keys', 'create', '--account', 'crash', '--type', 'publishable', '--env', 'test', '--origin', PAGE)).key;
    const sk = (
      await cliJson(
        env,
        'keys',
        'create',
        '--account',
        'crash',
        '--type',
        'secret',
        '--env',
        'test',
        '--scope',
        'tokens:read',
        '--scope',
        'tokens:reveal',
      )
    ).key;
    let vault = await spawnVault(env);
    try {
      const work = await presealed([vault.url], pk, 240, (i) => (i % 2 ? '4242424242424242' : '5555555555554444'));
      let killed = false;
      let kill: () => void = () => undefined;
      const underLoad = new Promise<void>((resolve) => (kill = resolve));
      // SIGKILL once 80 tokens were acknowledged, with 16 requests still in flight.
      const load = blast(
        [vault.url],
        pk,
        work,
        16,
        () => killed,
        (n) => n >= 80 && kill(),
      );
      await Promise.race([underLoad, new Promise((r) => setTimeout(r, 20_000))]);
      await vault.kill('SIGKILL');
      killed = true;
      const { acked, failed } = await load;
      expect(acked.length).toBeGreaterThanOrEqual(80); // the kill landed under load, not before it

      vault = await spawnVault(env);
      let recovered = 0;
      const lost: string[] = [];
      for (const t of acked) {
        const headers = { Authorization: `Bearer ${sk}` };
        const read = await fetch(`${vault.url}/v1/tokens/${t.id}`, { headers });
        const reveal = await fetch(`${vault.url}/v1/tokens/${t.id}/reveal`, { method: 'POST', headers });
        const number = reveal.ok ? ((await reveal.json()) as { card: { number: string } }).card.number : undefined;
        if (read.status === 200 && number === t.pan) recovered++;
        else lost.push(t.id);
      }
      console.warn(
        `[crash ${name}] acknowledged ${acked.length}, recovered ${recovered}, lost ${lost.length} (unacknowledged/failed requests: ${failed})`,
      );
      expect(lost).toEqual([]);
      expect(recovered).toBe(acked.length);
    } finally {
      await vault.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
