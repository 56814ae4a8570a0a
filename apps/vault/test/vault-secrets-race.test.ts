import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deriveKeks, type MasterKeys } from '../src/config/master-key';
import { VaultSecrets } from '../src/services/vault-secrets';
import { openPgStores } from '../src/stores/postgres/pg-stores';
import { openSqliteStores } from '../src/stores/sqlite/sqlite-stores';
import type { VaultStores } from '../src/stores/vault-stores';
import { freshPgSchema } from './support/services';

/**
 * Two vault processes starting at the same moment on an empty database: both must end up with the
 * secrets that are in the database (one keyring, one fingerprint secret), not each its own.
 */
const master = (): MasterKeys => ({ ...deriveKeks(randomBytes(32)), previous: [], source: 'env' });

async function twoStartsAtOnce(open: () => Promise<VaultStores>): Promise<void> {
  const keys = master();
  const [a, b] = [await open(), await open()];
  const [sa, sb] = await Promise.all([VaultSecrets.load(a, keys, 1000), VaultSecrets.load(b, keys, 1000)]);
  const later = await VaultSecrets.load(a, keys, 2000); // what a third process (or a restart) reads
  expect(sa.fingerprintSecret.equals(later.fingerprintSecret)).toBe(true);
  expect(sb.fingerprintSecret.equals(later.fingerprintSecret)).toBe(true);
  expect(sa.jwks()).toEqual(later.jwks());
  expect(sb.jwks()).toEqual(later.jwks());
  await Promise.all([a.close(), b.close()]);
}

describe('VaultSecrets created by two processes at once', () => {
  test.each([true, false])('SQLite, two stores on one file (groupCommit=%s)', async (groupCommit) => {
    const file = join(mkdtempSync(join(tmpdir(), 'tf-secrets-')), 'vault.sqlite');
    await twoStartsAtOnce(async () => openSqliteStores(file, { groupCommit }));
  });

  test('PostgreSQL, two pools on one schema', async () => {
    const pg = await freshPgSchema();
    try {
      await twoStartsAtOnce(() => openPgStores(pg.url, { schema: pg.schema }));
    } finally {
      await pg.drop();
    }
  });
});
