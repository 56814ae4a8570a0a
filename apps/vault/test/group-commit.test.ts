import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { SQLITE_MIGRATIONS } from '../src/stores/sqlite/sqlite-migrations';
import { openSqliteStores } from '../src/stores/sqlite/sqlite-stores';

const fresh = (groupCommit: boolean) => {
  const file = join(mkdtempSync(join(tmpdir(), 'tf-gc-')), 'vault.sqlite');
  return { file, store: openSqliteStores(file, { groupCommit }) };
};
const account = (i: number) => ({ id: `acct_${i}`, name: `n${i}`, createdAt: i });

describe('group commit', () => {
  test.each([
    [true, 1],
    [false, 100],
  ])('100 concurrent writes with groupCommit=%s → %i commit(s)', async (enabled, batches) => {
    const { store } = fresh(enabled);
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.keys.createAccount(account(i))));
    expect(store.commitStats).toEqual({ batches, writes: 100 });
    expect(await store.keys.listAccounts()).toHaveLength(100);
    await store.close();
  });

  test('a write that fails rolls back alone; the others in its batch commit', async () => {
    const { store } = fresh(true);
    await store.keys.createAccount(account(1));
    const results = await Promise.allSettled([
      store.keys.createAccount(account(2)),
      store.keys.createAccount(account(1)),
      store.keys.createAccount(account(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.keys.listAccounts()).map((a) => a.id)).toEqual(['acct_1', 'acct_2', 'acct_3']);
    await store.close();
  });

  test('a resolved write is already committed: another connection sees it at once', async () => {
    const { file, store } = fresh(true);
    const reader = new Database(file, { readonly: true });
    await store.keys.createAccount(account(7));
    expect(reader.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'acct_7' }]);
    reader.close();
    await store.close();
  });

  test('close() waits for queued writes (graceful shutdown loses no acknowledged write)', async () => {
    const { file, store } = fresh(true);
    const pending = Array.from({ length: 20 }, (_, i) => store.keys.createAccount(account(i)));
    await store.close();
    await Promise.all(pending);
    const reopened = openSqliteStores(file);
    expect(await reopened.keys.listAccounts()).toHaveLength(20);
    await reopened.close();
  });

  test('the database is WAL with synchronous=FULL and versioned migrations', async () => {
    const { file, store } = fresh(true);
    await store.ping();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
    await store.close();
    const again = openSqliteStores(file); // migrations are not re-applied
    await again.close();
  });
});
