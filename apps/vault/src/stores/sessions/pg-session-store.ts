import type { SessionRecord } from '../records';
import { one, run, type PgExec } from '../postgres/pg-exec';
import type { SessionStore } from './session-store';
import { sessionFromRow } from './session-rows';

export class PgSessionStore implements SessionStore {
  readonly #x: PgExec;

  constructor(x: PgExec) {
    this.#x = x;
  }

  async insert(s: SessionRecord): Promise<void> {
    await run(
      this.#x,
      'INSERT INTO sessions (id, account_id, key_id, origin, created_at, expires_at, max_uses, uses) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [s.id, s.accountId, s.keyId, s.origin, s.createdAt, s.expiresAt, s.maxUses, s.uses],
    );
  }
  async find(id: string): Promise<SessionRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM sessions WHERE id = $1', [id]);
    return r && sessionFromRow(r);
  }
  /** Locked so two processes cannot both spend its last use. */
  async findForUpdate(id: string): Promise<SessionRecord | undefined> {
    const r = await one(this.#x, 'SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [id]);
    return r && sessionFromRow(r);
  }
  async countUse(id: string): Promise<void> {
    await run(this.#x, 'UPDATE sessions SET uses = uses + 1 WHERE id = $1', [id]);
  }
  async isJtiSeen(jti: string): Promise<boolean> {
    return (await one(this.#x, 'SELECT 1 AS seen FROM seen_jti WHERE jti = $1', [jti])) !== undefined;
  }
  async claimJti(jti: string, expiresAt: number): Promise<boolean> {
    return (
      (await run(this.#x, 'INSERT INTO seen_jti (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING', [jti, expiresAt])) === 1
    );
  }
  purge(now: number): Promise<{ sessions: number; jtis: number }> {
    return this.#x.tx(async (x) => ({
      sessions: await run(x, 'DELETE FROM sessions WHERE expires_at <= $1', [now]),
      jtis: await run(x, 'DELETE FROM seen_jti WHERE expires_at <= $1', [now]),
    }));
  }
}
