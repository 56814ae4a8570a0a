import type { SessionRecord } from '../records';
import type { SqliteExec } from '../sqlite/sqlite-exec';
import type { SessionStore } from './session-store';
import { sessionFromRow } from './session-rows';

export class SqliteSessionStore implements SessionStore {
  readonly #x: SqliteExec;

  constructor(x: SqliteExec) {
    this.#x = x;
  }

  async insert(s: SessionRecord): Promise<void> {
    await this.#x.write(() =>
      this.#x.run(
        'INSERT INTO sessions (id, account_id, key_id, origin, created_at, expires_at, max_uses, uses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        s.id,
        s.accountId,
        s.keyId,
        s.origin,
        s.createdAt,
        s.expiresAt,
        s.maxUses,
        s.uses,
      ),
    );
  }
  find(id: string): Promise<SessionRecord | undefined> {
    return this.#x.read(() => {
      const r = this.#x.get('SELECT * FROM sessions WHERE id = ?', id);
      return r && sessionFromRow(r);
    });
  }
  /** SQLite has one writer: inside a transaction the row cannot change under us. */
  findForUpdate(id: string): Promise<SessionRecord | undefined> {
    return this.find(id);
  }
  async countUse(id: string): Promise<void> {
    await this.#x.write(() => this.#x.run('UPDATE sessions SET uses = uses + 1 WHERE id = ?', id));
  }
  isJtiSeen(jti: string): Promise<boolean> {
    return this.#x.read(() => this.#x.get('SELECT 1 AS seen FROM seen_jti WHERE jti = ?', jti) !== undefined);
  }
  async claimJti(jti: string, expiresAt: number): Promise<boolean> {
    return (await this.#x.write(() => this.#x.run('INSERT OR IGNORE INTO seen_jti (jti, expires_at) VALUES (?, ?)', jti, expiresAt))) === 1;
  }
  purge(now: number): Promise<{ sessions: number; jtis: number }> {
    return this.#x.write(() => ({
      sessions: this.#x.run('DELETE FROM sessions WHERE expires_at <= ?', now),
      jtis: this.#x.run('DELETE FROM seen_jti WHERE expires_at <= ?', now),
    }));
  }
}
