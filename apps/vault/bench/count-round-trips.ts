// Round-trip counters for the bench's vault child processes (bench/serve.ts, bench/src/vault-process.ts).
// `countRoundTrips()` patches the prototypes of the database and Redis clients *in that process
// only*, before the vault is built; the vault's own code has no counters, so when this is not
// called (every real deployment, every test) it costs nothing. Read with `roundTrips()`.
//   sql:   statements sent (PostgreSQL: every query() round trip, BEGIN/COMMIT included;
//          SQLite: every prepared statement run/get/all, and every exec())
//   tx:    transactions (PostgreSQL: BEGIN, plus every statement sent outside one, which is its own
//          autocommit transaction; SQLite: BEGIN, plus statements outside one)
//   redis: round trips to Redis (one per command sent on its own; a pipeline or MULTI is one)
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import type pg from 'pg';

export interface RoundTrips {
  sql: number;
  tx: number;
  redis: number;
}
const counts: RoundTrips = { sql: 0, tx: 0, redis: 0 };
export const roundTrips = (): RoundTrips => ({ ...counts });

const require = createRequire(import.meta.url);
const IN_TX = Symbol('inTx');
type Flagged = { [IN_TX]?: boolean };

function countStatement(owner: Flagged, text: string): void {
  counts.sql++;
  const head = text.trimStart().slice(0, 9).toUpperCase();
  if (head.startsWith('BEGIN')) {
    owner[IN_TX] = true;
    counts.tx++;
  } else if (head.startsWith('COMMIT') || (head.startsWith('ROLLBACK') && !head.startsWith('ROLLBACK ')) || head === 'END') {
    owner[IN_TX] = false;
  } else if (!owner[IN_TX]) counts.tx++;
}

let patched = false;
export function countRoundTrips(): void {
  if (patched) return;
  patched = true;
  const { Client } = require('pg') as typeof pg;
  const query = Client.prototype.query as (...a: unknown[]) => unknown;
  Client.prototype.query = function (this: Flagged, ...a: unknown[]) {
    const q = a[0];
    countStatement(this, typeof q === 'string' ? q : ((q as { text?: string })?.text ?? ''));
    return query.apply(this, a);
  } as typeof Client.prototype.query;

  const Sqlite = require('better-sqlite3') as typeof Database;
  const proto = Sqlite.prototype as unknown as Record<string, (...a: unknown[]) => unknown> & Flagged;
  const exec = proto.exec!;
  proto.exec = function (this: Flagged, text: unknown) {
    const sql = String(text);
    // SAVEPOINT / RELEASE inside a group-commit batch are part of its one transaction.
    if (!/^\s*(SAVEPOINT|RELEASE|ROLLBACK TO)/i.test(sql)) countStatement(this, sql);
    return exec.call(this, text);
  };
  const prepare = proto.prepare!;
  let statementProto: Record<string, (...a: unknown[]) => unknown> | undefined;
  proto.prepare = function (this: Flagged, ...a: unknown[]) {
    const s = prepare.apply(this, a) as object;
    if (!statementProto) {
      statementProto = Object.getPrototypeOf(s) as Record<string, (...a: unknown[]) => unknown>;
      for (const m of ['run', 'get', 'all', 'iterate']) {
        const orig = statementProto[m]!;
        statementProto[m] = function (this: { database: Flagged; source: string }, ...args: unknown[]) {
          countStatement(this.database, this.source);
          return orig.apply(this, args);
        };
      }
    }
    return s;
  };

  const { Redis, Pipeline } = require('ioredis') as {
    Redis: { prototype: Record<string, (...a: unknown[]) => unknown> };
    Pipeline?: unknown;
  };
  const send = Redis.prototype.sendCommand!;
  // A command of a pipeline/MULTI is handed over with the pipeline's stream: counted once, at exec.
  Redis.prototype.sendCommand = function (this: unknown, ...a: unknown[]) {
    if (a[1] === undefined) counts.redis++;
    return send.apply(this, a);
  };
  const pipelineProto = (Pipeline ?? require('ioredis/built/Pipeline').default).prototype as Record<string, (...a: unknown[]) => unknown>;
  const execPipeline = pipelineProto.exec!;
  pipelineProto.exec = function (this: unknown, ...a: unknown[]) {
    counts.redis++;
    return execPipeline.apply(this, a);
  };
}
