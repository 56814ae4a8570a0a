import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test } from 'vitest';
import { migratePg } from '../../src/stores/postgres/pg-migrate';
import { PG_MIGRATIONS } from '../../src/stores/postgres/pg-migrations';
import { createPool } from '../../src/stores/postgres/pg-pool';
import { SQLITE_MIGRATIONS } from '../../src/stores/sqlite/sqlite-migrations';
import { migrateSqlite } from '../../src/stores/sqlite/sqlite-stores';
import { freshPgSchema } from '../support/services';

/**
 * Versions 6 (charges) and 7 (webhooks) were built on separate branches: a store that a build with
 * 1–5 and 7 migrated must apply 6 (and 9, which alters the charges table) later.
 */
const withoutSix = <M extends { version: number }>(list: readonly M[]) => list.filter((m) => m.version <= 7 && m.version !== 6);

test('SQLite: a store migrated to 1–5 and 7 applies 6 and 9 later', () => {
  const db = new Database(':memory:');
  migrateSqlite(db, withoutSix(SQLITE_MIGRATIONS));
  const versions = () =>
    (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  expect(versions()).toEqual([1, 2, 3, 4, 5, 7]);
  migrateSqlite(db);
  expect(versions()).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'charges'").get()).toBeDefined();
  db.close();
});

test('PostgreSQL: a store migrated to 1–5 and 7 applies 6 and 9 later', async () => {
  const schema = await freshPgSchema();
  const pool = createPool(schema.url, { schema: schema.schema, max: 2 });
  try {
    await migratePg(pool, withoutSix(PG_MIGRATIONS));
    const versions = async () =>
      (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    expect(await versions()).toEqual([1, 2, 3, 4, 5, 7]);
    await migratePg(pool);
    expect(await versions()).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect((await pool.query("SELECT to_regclass('charges') AS t")).rows[0]).toEqual({ t: 'charges' });
  } finally {
    await pool.end();
    await schema.drop();
  }
});

const BEFORE = [
  "INSERT INTO events (id, account_id, livemode, type, created_at, data) VALUES ('evt_ct', 'acct', 0, 'card_testing_suspected', 1, '{}')",
  "INSERT INTO audit_log (id, at, account_id, livemode, key_id, action, token_id, request_id) VALUES ($1, 5, 'acct', 0, 'key_s', 'delete', 'tok_d', 'req_d')",
  "INSERT INTO audit_log (id, at, account_id, livemode, key_id, action, token_id, request_id) VALUES ($2, 6, 'acct', 0, 'key_s', 'reveal', 'tok_r', 'req_r')",
];
const AFTER = [
  { id: 'evt_audit_1', type: 'token.deleted', created_at: 5, data: { tokenId: 'tok_d', keyId: 'key_s', requestId: 'req_d' } },
  { id: 'evt_ct', type: 'card_testing.suspected', created_at: 1, data: {} },
];

test('migration 7 moves past deletes from the audit trail to events under the ids already shown, and renames card_testing_suspected (both stores)', async () => {
  const db = new Database(':memory:');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version < 7)) db.exec(m.sql);
  for (const sql of BEFORE) db.exec(sql.replace('$1', '1').replace('$2', '2'));
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version === 7)) db.exec(m.sql);
  const rows = (db.prepare('SELECT id, type, created_at, data FROM events ORDER BY id').all() as { data: string }[]).map((r) => ({
    ...r,
    data: JSON.parse(r.data) as unknown,
  }));
  db.close();
  expect(rows).toEqual(AFTER);

  const schema = await freshPgSchema();
  const c = new pg.Client({ connectionString: schema.url, options: `-c search_path=${schema.schema}` });
  await c.connect();
  try {
    for (const m of PG_MIGRATIONS.filter((x) => x.version < 7)) await c.query(m.sql);
    for (const sql of BEFORE) await c.query(sql.replace('$1', "'1'").replace('$2', "'2'"));
    for (const m of PG_MIGRATIONS.filter((x) => x.version === 7)) await c.query(m.sql);
    const pgRows = (
      await c.query<{ id: string; type: string; created_at: string; data: string }>(
        'SELECT id, type, created_at, data FROM events ORDER BY id',
      )
    ).rows;
    expect(pgRows.map((r) => ({ ...r, created_at: Number(r.created_at), data: JSON.parse(r.data) as unknown }))).toEqual(AFTER);
  } finally {
    await c.end();
    await schema.drop();
  }
});
