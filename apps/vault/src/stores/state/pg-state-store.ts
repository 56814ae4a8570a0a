import { all, one, run, type PgExec } from '../postgres/pg-exec';
import type { StateStore } from './state-store';

export class PgStateStore implements StateStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async get(name: string): Promise<string | undefined> {
    return (await one(this.#x, 'SELECT value FROM vault_state WHERE name = $1', [name]))?.value as string | undefined;
  }
  async put(name: string, value: string, at: number): Promise<void> {
    await run(
      this.#x,
      'INSERT INTO vault_state (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [name, value, at],
    );
  }
  /** The re-read is a second statement: under READ COMMITTED it sees the row the winner committed. */
  putIfAbsent(name: string, value: string, at: number): Promise<string> {
    return this.#x.tx(async (x) => {
      await run(x, 'INSERT INTO vault_state (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
        name,
        value,
        at,
      ]);
      return (await one(x, 'SELECT value FROM vault_state WHERE name = $1', [name]))!.value as string;
    });
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.tx(async (x) => {
      let n = 0;
      for (const r of await all(x, 'SELECT name, value FROM vault_state FOR UPDATE')) {
        await run(x, 'UPDATE vault_state SET value = $1 WHERE name = $2', [rewrap(r.value as string, 'state'), r.name]);
        n++;
      }
      return n;
    });
  }
}
