import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cliJson } from '../live-vault';
import { freshPgSchema, type PgSchema } from '../support/services';
import { startReceiver } from '../webhooks/receiver';
import { blast, LOAD_LIMITS, PAGE, presealed, spawnVault } from './vault-process';

/**
 * SIGKILL a vault process while it tokenizes and delivers token.created webhooks, restart it, and
 * count at a receiver: every token a client saw acknowledged must be delivered at least once (0 lost).
 * Claims the dead process held come back when their lease (3 s here) runs out.
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

describe.each(BACKENDS)('webhooks survive SIGKILL: %s', (name, backend) => {
  test("every acknowledged token's token.created is delivered after a restart (0 lost)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-whcrash-'));
    const receiver = await startReceiver();
    const env = {
      TOKENFRAME_DATA_DIR: dir,
      TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
      TOKENFRAME_RATE_LIMITS: LOAD_LIMITS,
      TOKENFRAME_SESSION_RATE_PER_MINUTE: '100000',
      TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1',
      TOKENFRAME_WEBHOOK_POLL_MS: '50',
      TOKENFRAME_WEBHOOK_LEASE_SECONDS: '3',
      ...(await backend()),
    };
    const pk = (await cliJson(env, 'keys', 'create', '--account', 'crash', '--type', 'publishable', '--env', 'test', '--origin', PAGE)).key;
    await cliJson(env, 'webhooks', 'create', '--account', 'crash', '--env', 'test', '--url', receiver.url, '--event', 'token.created');
    let vault = await spawnVault(env);
    try {
      const work = await presealed([vault.url], pk, 240, () => '4242424242424242');
      let killed = false;
      let kill: () => void = () => undefined;
      const underLoad = new Promise<void>((resolve) => (kill = resolve));
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
      const { acked } = await load;
      const beforeRestart = receiver.received.length;
      expect(acked.length).toBeGreaterThanOrEqual(80);

      vault = await spawnVault(env);
      const delivered = () => new Set(receiver.received.map((r) => (JSON.parse(r.body) as { data: { tokenId: string } }).data.tokenId));
      const deadline = Date.now() + 30_000;
      while (acked.some((t) => !delivered().has(t.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const seen = delivered();
      const lost = acked.filter((t) => !seen.has(t.id)).map((t) => t.id);
      const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
      const duplicates = ids.length - new Set(ids).size;
      console.warn(
        `[webhook crash ${name}] acknowledged ${acked.length}, delivered before the kill ${beforeRestart}, after restart ${seen.size} distinct tokens, lost ${lost.length}, duplicate deliveries ${duplicates}`,
      );
      expect(lost).toEqual([]);
    } finally {
      await vault.kill('SIGTERM');
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
