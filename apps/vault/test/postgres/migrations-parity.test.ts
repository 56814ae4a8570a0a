import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test } from 'vitest';
import { PG_MIGRATIONS } from '../../src/stores/postgres/pg-migrations';
import { openPgStores } from '../../src/stores/postgres/pg-stores';
import { SQLITE_MIGRATIONS } from '../../src/stores/sqlite/sqlite-migrations';
import { openSqliteStores } from '../../src/stores/sqlite/sqlite-stores';
import { freshPgSchema } from '../support/services';

test('both adapters ship the same migration versions, tables and columns', async () => {
  expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
  const dir = mkdtempSync(join(tmpdir(), 'tf-parity-'));
  const file = join(dir, 'vault.sqlite');
  await openSqliteStores(file).close();
  const db = new Database(file, { readonly: true });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  const sqlite = Object.fromEntries(
    tables.map((t) => [t, (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name).sort()]),
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const schema = await freshPgSchema();
  try {
    // Two processes starting at once on an empty schema: no advisory lock, the loser re-reads.
    const stores = await Promise.all([
      openPgStores(schema.url, { schema: schema.schema }),
      openPgStores(schema.url, { schema: schema.schema }),
    ]);
    await Promise.all(stores.map((s) => s.close()));
    const c = new pg.Client({ connectionString: schema.url });
    await c.connect();
    const cols = (
      await c.query<{ table_name: string; column_name: string }>(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1',
        [schema.schema],
      )
    ).rows;
    const versions = (
      await c.query<{ version: number }>(`SELECT version FROM ${schema.schema}.schema_migrations ORDER BY version`)
    ).rows.map((r) => r.version);
    const noPk = (
      await c.query(
        `SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = $1 AND NOT EXISTS (
         SELECT 1 FROM information_schema.table_constraints k WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')`,
        [schema.schema],
      )
    ).rows;
    const sequences = (await c.query('SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = $1', [schema.schema]))
      .rows;
    await c.end();
    const postgres: Record<string, string[]> = {};
    for (const r of cols) (postgres[r.table_name] ??= []).push(r.column_name);
    for (const t of Object.keys(postgres)) postgres[t]!.sort();
    expect(postgres).toEqual(sqlite);
    expect(versions).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(noPk).toEqual([]); // distributed engines want an explicit primary key on every table
    expect(sequences).toEqual([]); // no SERIAL: ids are made by the vault
  } finally {
    await schema.drop();
  }
});

/** Rows written before version 3 take the mode of the key that wrote them; an unknown key counts as live. */
const BEFORE_MODES = [
  "INSERT INTO accounts VALUES ('acct', 'a', 1)",
  "INSERT INTO api_keys VALUES ('key_t', 'acct', 'secret', 'test', $h1, 'h', 'l', '[]', '[]', '[]', 1, NULL, NULL)",
  "INSERT INTO api_keys VALUES ('key_l', 'acct', 'secret', 'live', $h2, 'h', 'l', '[]', '[]', '[]', 1, NULL, NULL)",
  "INSERT INTO events VALUES ('evt_t', 'acct', 'card_testing_suspected', 1, '{\"keyId\":\"key_t\"}')",
  "INSERT INTO events VALUES ('evt_l', 'acct', 'card_testing_suspected', 2, '{\"keyId\":\"key_l\"}')",
  "INSERT INTO events VALUES ('evt_x', 'acct', 'card_testing_suspected', 3, '{}')",
];
const EXPECTED_MODES = { evt_t: 0, evt_l: 1, evt_x: 1, aud_t: 0, aud_l: 1 };

test('migration 4 backfills the mode of existing events and audit rows (SQLite and PostgreSQL)', async () => {
  const db = new Database(':memory:');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 2)) db.exec(m.sql);
  for (const sql of BEFORE_MODES) db.exec(sql.replace('$h1', "x'01'").replace('$h2', "x'02'"));
  db.exec(
    "INSERT INTO audit_log (id, at, account_id, key_id, action, token_id, request_id) VALUES (1, 1, 'acct', 'key_t', 'reveal', 'tok', 'r'), (2, 2, 'acct', 'key_l', 'reveal', 'tok', 'r')",
  );
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version > 2)) db.exec(m.sql);
  const sqlite = Object.fromEntries([
    ...(db.prepare('SELECT id, livemode FROM events').all() as { id: string; livemode: number }[]).map((r) => [r.id, r.livemode]),
    ...(db.prepare('SELECT key_id, livemode FROM audit_log').all() as { key_id: string; livemode: number }[]).map((r) => [
      `aud_${r.key_id.slice(4)}`,
      r.livemode,
    ]),
  ]);
  db.close();
  expect(sqlite).toEqual(EXPECTED_MODES);

  const schema = await freshPgSchema();
  const c = new pg.Client({ connectionString: schema.url, options: `-c search_path=${schema.schema}` });
  await c.connect();
  try {
    for (const m of PG_MIGRATIONS.filter((x) => x.version <= 2)) await c.query(m.sql);
    for (const sql of BEFORE_MODES) await c.query(sql.replace('$h1', "'\\x01'").replace('$h2', "'\\x02'"));
    await c.query(
      "INSERT INTO audit_log (id, at, account_id, key_id, action, token_id, request_id) VALUES ('a1', 1, 'acct', 'key_t', 'reveal', 'tok', 'r'), ('a2', 2, 'acct', 'key_l', 'reveal', 'tok', 'r')",
    );
    for (const m of PG_MIGRATIONS.filter((x) => x.version > 2)) await c.query(m.sql);
    const postgres = Object.fromEntries([
      ...(await c.query<{ id: string; livemode: number }>('SELECT id, livemode FROM events')).rows.map((r) => [r.id, r.livemode]),
      ...(await c.query<{ key_id: string; livemode: number }>('SELECT key_id, livemode FROM audit_log')).rows.map((r) => [
        `aud_${r.key_id.slice(4)}`,
        r.livemode,
      ]),
    ]);
    expect(postgres).toEqual(EXPECTED_MODES);
  } finally {
    await c.end();
    await schema.drop();
  }
});

/** A hint cut at the last `_` of `sk_test_ab_cdefgh…` held most of the key; migration 5 keeps 12 characters. */
const LEAKY_HINT = 'sk_test_AbCd_EfGhIjKlMnOpQrStUvWxYz_0123…';
const FIXED_HINT = 'sk_test_AbCd…';

test('migration 5 shortens key hints that held key material (SQLite and PostgreSQL)', async () => {
  const insert = (hint: string, h: string) =>
    `INSERT INTO api_keys VALUES ('key_${hint.length}', 'acct', 'secret', 'test', ${h}, '${hint}', 'l', '[]', '[]', '[]', 1, NULL, NULL)`;
  const db = new Database(':memory:');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 4)) db.exec(m.sql);
  db.exec("INSERT INTO accounts VALUES ('acct', 'a', 1)");
  db.exec(insert(LEAKY_HINT, "x'01'"));
  db.exec(insert(FIXED_HINT, "x'02'"));
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version > 4)) db.exec(m.sql);
  expect((db.prepare('SELECT hint FROM api_keys ORDER BY hint').all() as { hint: string }[]).map((r) => r.hint)).toEqual([
    FIXED_HINT,
    FIXED_HINT,
  ]);
  db.close();

  const schema = await freshPgSchema();
  const c = new pg.Client({ connectionString: schema.url, options: `-c search_path=${schema.schema}` });
  await c.connect();
  try {
    for (const m of PG_MIGRATIONS.filter((x) => x.version <= 4)) await c.query(m.sql);
    await c.query("INSERT INTO accounts VALUES ('acct', 'a', 1)");
    await c.query(insert(LEAKY_HINT, "'\\x01'"));
    await c.query(insert(FIXED_HINT, "'\\x02'"));
    for (const m of PG_MIGRATIONS.filter((x) => x.version > 4)) await c.query(m.sql);
    expect((await c.query<{ hint: string }>('SELECT hint FROM api_keys ORDER BY hint')).rows.map((r) => r.hint)).toEqual([
      FIXED_HINT,
      FIXED_HINT,
    ]);
  } finally {
    await c.end();
    await schema.drop();
  }
});

test('migration 9 adds tokens.network after a gap (8 belongs to another branch); existing tokens get NULL (SQLite and PostgreSQL)', async () => {
  const versions = SQLITE_MIGRATIONS.map((m) => m.version);
  expect(versions).toEqual([...versions].sort((a, b) => a - b)); // ascending, gaps allowed
  expect(versions).toContain(9);
  const old =
    "INSERT INTO tokens (id, account_id, key_id, livemode, brand, bin, last4, exp_month, exp_year, fingerprint, pan_enc, created_at) VALUES ('tok_old', 'acct', 'key', 0, 'cartes_bancaires', '55555525', '1001', 12, 2040, 'fp', 'env', 1)";

  const db = new Database(':memory:');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version < 9)) db.exec(m.sql);
  db.exec(old);
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version >= 9)) db.exec(m.sql);
  expect(db.prepare("SELECT network FROM tokens WHERE id = 'tok_old'").get()).toEqual({ network: null });
  db.close();

  const schema = await freshPgSchema();
  const c = new pg.Client({ connectionString: schema.url, options: `-c search_path=${schema.schema}` });
  await c.connect();
  try {
    for (const m of PG_MIGRATIONS.filter((x) => x.version < 9)) await c.query(m.sql);
    await c.query(old);
    for (const m of PG_MIGRATIONS.filter((x) => x.version >= 9)) await c.query(m.sql);
    expect((await c.query("SELECT network FROM tokens WHERE id = 'tok_old'")).rows).toEqual([{ network: null }]);
  } finally {
    await c.end();
    await schema.drop();
  }
});
