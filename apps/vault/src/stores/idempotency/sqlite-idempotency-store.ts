import type { IdempotencyBegin, StoredResponse } from '../records';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import { IDEMPOTENCY_RETENTION_MS, type IdempotencyStore } from './idempotency-store';

export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  begin(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin> {
    return this.#x.write((): IdempotencyBegin => {
      const r = this.#x.get('SELECT * FROM idempotency WHERE account_id = ? AND idem_key = ?', accountId, key);
      if (r && r.body_hash !== bodyHash) return { kind: 'conflict' };
      if (r && r.state === 'done') return { kind: 'stored', response: JSON.parse(r.response as string) as StoredResponse };
      if (r && (r.created_at as number) > now - staleAfterMs) return { kind: 'in_flight' };
      // New, or an in-flight claim left by a crashed process: (re)claim it.
      this.#x.run(
        'INSERT OR REPLACE INTO idempotency (account_id, idem_key, body_hash, state, response, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
        accountId,
        key,
        bodyHash,
        'in_flight',
        now,
      );
      return { kind: 'new' };
    });
  }
  async finish(accountId: string, key: string, response: StoredResponse | undefined): Promise<void> {
    await this.#x.write(() =>
      response
        ? this.#x.run(
            "UPDATE idempotency SET state = 'done', response = ? WHERE account_id = ? AND idem_key = ?",
            JSON.stringify(response),
            accountId,
            key,
          )
        : this.#x.run('DELETE FROM idempotency WHERE account_id = ? AND idem_key = ?', accountId, key),
    );
  }
  purge(now: number): Promise<number> {
    return this.#x.write(() => this.#x.run('DELETE FROM idempotency WHERE created_at <= ?', now - IDEMPOTENCY_RETENTION_MS));
  }
}
