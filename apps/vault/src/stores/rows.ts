/**
 * Rows as both backends return them: snake_case columns, JSON arrays as TEXT, booleans as 0/1
 * (the PostgreSQL schema keeps the same columns; pg-pool reads BIGINT as a number). The row
 * mappers of each aggregate (keys/key-rows.ts, …) are shared by its SQLite and PostgreSQL files.
 */
export type Row = Record<string, unknown>;

/** `INSERT … VALUES (@col, …)` for better-sqlite3's named parameters. */
export function insertSql(table: string, row: Row): string {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
}

/** `INSERT … VALUES ($1, …)` and its parameters, for pg. */
export function insertPg(table: string, row: Row, suffix = ''): [string, unknown[]] {
  const cols = Object.keys(row);
  return [`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})${suffix}`, Object.values(row)];
}
