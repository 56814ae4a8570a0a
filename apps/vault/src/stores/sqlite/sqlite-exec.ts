import type Database from 'better-sqlite3';
import type { Row } from '../rows';
import type { GroupCommit } from './group-commit';

/**
 * How a SQLite aggregate store talks to the connection. The top-level executor sends each
 * `write` through group commit and lets reads wait for an open asynchronous transaction; the
 * executor inside `transaction` runs both at once, in that transaction's savepoint.
 */
export interface SqliteExec {
  get(sql: string, ...params: unknown[]): Row | undefined;
  all(sql: string, ...params: unknown[]): Row[];
  run(sql: string, ...params: unknown[]): number;
  write<T>(fn: () => T): Promise<T>;
  read<T>(fn: () => T): Promise<T>;
}

export function sqliteExecs(db: Database.Database, commit: GroupCommit): { top: SqliteExec; inTx: SqliteExec } {
  const statements = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let s = statements.get(text);
    if (!s) statements.set(text, (s = db.prepare(text)));
    return s;
  };
  const base = {
    get: (text: string, ...p: unknown[]) => sql(text).get(...p) as Row | undefined,
    all: (text: string, ...p: unknown[]) => sql(text).all(...p) as Row[],
    run: (text: string, ...p: unknown[]) => sql(text).run(...p).changes,
  };
  return {
    top: {
      ...base,
      write: (fn) => commit.write(fn),
      read: async (fn) => {
        const open = commit.settled;
        if (open) await open;
        return fn();
      },
    },
    inTx: { ...base, write: async (fn) => fn(), read: async (fn) => fn() },
  };
}
