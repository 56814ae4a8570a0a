import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { StateStore } from './state-store';

export class SqliteStateStore implements StateStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  get(name: string): Promise<string | undefined> {
    return this.#x.read(() => this.#x.get('SELECT value FROM vault_state WHERE name = ?', name)?.value as string | undefined);
  }
  async put(name: string, value: string, at: number): Promise<void> {
    await this.#x.write(() =>
      this.#x.run(
        'INSERT INTO vault_state (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
        name,
        value,
        at,
      ),
    );
  }
  putIfAbsent(name: string, value: string, at: number): Promise<string> {
    return this.#x.write(() => {
      this.#x.run('INSERT INTO vault_state (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', name, value, at);
      return this.#x.get('SELECT value FROM vault_state WHERE name = ?', name)!.value as string;
    });
  }
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#x.write(() => {
      let n = 0;
      for (const r of this.#x.all('SELECT name, value FROM vault_state')) {
        this.#x.run('UPDATE vault_state SET value = ? WHERE name = ?', rewrap(r.value as string, 'state'), r.name);
        n++;
      }
      return n;
    });
  }
}
