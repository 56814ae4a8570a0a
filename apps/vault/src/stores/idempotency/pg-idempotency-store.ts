import type { IdempotencyBegin, StoredResponse } from '../records';
import { one, run, type PgExec } from '../postgres/pg-exec';
import { IDEMPOTENCY_RETENTION_MS, type IdempotencyStore } from './idempotency-store';

export class PgIdempotencyStore implements IdempotencyStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  /**
   * Claim by INSERT … ON CONFLICT DO NOTHING: of two concurrent claims the second waits for the
   * first's row and then sees it, so exactly one request runs. A stale in-flight claim (a process
   * died mid-request) is taken over with a conditional UPDATE, which again only one caller wins.
   */
  async begin(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin> {
    const claimed = await run(
      this.#x,
      "INSERT INTO idempotency (account_id, idem_key, body_hash, state, response, created_at) VALUES ($1, $2, $3, 'in_flight', NULL, $4) ON CONFLICT (account_id, idem_key) DO NOTHING",
      [accountId, key, bodyHash, now],
    );
    if (claimed === 1) return { kind: 'new' };
    const r = await one(this.#x, 'SELECT * FROM idempotency WHERE account_id = $1 AND idem_key = $2', [accountId, key]);
    if (!r) return this.begin(accountId, key, bodyHash, now, staleAfterMs); // purged between the two statements
    if (r.body_hash !== bodyHash) return { kind: 'conflict' };
    if (r.state === 'done') return { kind: 'stored', response: JSON.parse(r.response as string) as StoredResponse };
    if ((r.created_at as number) > now - staleAfterMs) return { kind: 'in_flight' };
    const taken = await run(
      this.#x,
      "UPDATE idempotency SET created_at = $3 WHERE account_id = $1 AND idem_key = $2 AND state = 'in_flight' AND created_at = $4",
      [accountId, key, now, r.created_at],
    );
    return taken === 1 ? { kind: 'new' } : { kind: 'in_flight' };
  }
  async finish(accountId: string, key: string, response: StoredResponse | undefined): Promise<void> {
    if (response) {
      await run(this.#x, "UPDATE idempotency SET state = 'done', response = $1 WHERE account_id = $2 AND idem_key = $3", [
        JSON.stringify(response),
        accountId,
        key,
      ]);
    } else {
      await run(this.#x, 'DELETE FROM idempotency WHERE account_id = $1 AND idem_key = $2', [accountId, key]);
    }
  }
  purge(now: number): Promise<number> {
    return run(this.#x, 'DELETE FROM idempotency WHERE created_at <= $1', [now - IDEMPOTENCY_RETENTION_MS]);
  }
}
