import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test } from 'vitest';
import { PG_MIGRATIONS } from '../../src/storage/postgres/pg-migrations';
import { PgStore } from '../../src/storage/postgres/pg-store';
import { SQLITE_MIGRATIONS } from '../../src/storage/sqlite-migrations';
import { SqliteStore } from '../../src/storage/sqlite-store';
import { freshPgSchema } from '../support/services';

test('both adapters ship the same migration versions, tables and columns', async () => {
  expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
  const dir = mkdtempSync(join(tmpdir(), 'tf-parity-'));
  const file = join(dir, 'vault.sqlite');
  await new SqliteStore(file).close();
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const sqlite = Object.fromEntries(tables.map((t) => [t, (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name).sort()]));
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const schema = await freshPgSchema();
  try {
    // Two processes starting at once on an empty schema: no advisory lock, the loser re-reads.
    const stores = await Promise.all([PgStore.open(schema.url, { schema: schema.schema }), PgStore.open(schema.url, { schema: schema.schema })]);
    await Promise.all(stores.map((s) => s.close()));
    const c = new pg.Client({ connectionString: schema.url });
    await c.connect();
    const cols = (await c.query<{ table_name: string; column_name: string }>('SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1', [schema.schema])).rows;
    const versions = (await c.query<{ version: number }>(`SELECT version FROM ${schema.schema}.schema_migrations ORDER BY version`)).rows.map((r) => r.version);
    const noPk = (await c.query(
      `SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = $1 AND NOT EXISTS (
         SELECT 1 FROM information_schema.table_constraints k WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')`,
      [schema.schema],
    )).rows;
    const sequences = (await c.query('SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = $1', [schema.schema])).rows;
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
