import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { workspaceRoot } from '../../src/config/data-dir';

const ROUNDS = 150;
const BURST = 25;

function writer(file: string, tag: string, startAt: number): Promise<{ ok: number; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/vault/test/support/sqlite-writer.ts', file, tag, String(ROUNDS), String(BURST), String(startAt)],
      {
        cwd: workspaceRoot(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as { ok: number; errors: string[] }) : reject(new Error(`writer ${tag} exited ${code}: ${err}`)),
    );
  });
}

/** Two processes on ONE SQLite file (bench found 45 % `database is locked` before BEGIN IMMEDIATE). */
test('two processes writing one SQLite file at once lose nothing and fail nothing', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tf-two-sqlite-')), 'vault.sqlite');
  const startAt = Date.now() + 2500;
  const [a, b] = await Promise.all([writer(file, 'a', startAt), writer(file, 'b', startAt)]);
  expect({ a: a.errors, b: b.errors }).toEqual({ a: [], b: [] });
  expect(a.ok + b.ok).toBe(2 * ROUNDS * BURST);
  const db = new Database(file, { readonly: true });
  expect(db.prepare('SELECT count(*) AS n FROM idempotency').get()).toEqual({ n: 2 * ROUNDS * BURST });
  db.close();
}, 60_000);
