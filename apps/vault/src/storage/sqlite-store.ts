import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { accountFromRow, insertSql, keyFromRow, keyToRow, sessionFromRow, tokenFromRow, tokenToRow, type Row } from './sqlite-rows';
import type { VaultStore } from './vault-store';
import { auditEventFromRow, eventFromRow, eventSources, mergeEvents } from './event-rows';
import type { EventRecord } from './records';
import type { AccountRecord, ApiKeyRecord, CommitTokenResult, IdempotencyBegin, PurgeCounts, SessionRecord, StoredResponse, TokenRecord } from './records';

const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BUSY_TIMEOUT_MS = 2000;
const TOKEN_FIELDS = ['pan_enc', 'cvc_enc', 'name_enc', 'postal_enc'] as const;

/**
 * The embedded default store: one SQLite file in WAL mode with `synchronous=FULL` (a COMMIT is on
 * disk when it returns) and `secure_delete` (deleted rows, e.g. a revealed CVC's envelope, are
 * zeroed rather than left in free pages). Reads answer at once; writes go through GroupCommit.
 */
export class SqliteStore implements VaultStore {
  readonly #db: Database.Database;
  readonly #commit: GroupCommit;
  readonly #statements = new Map<string, Database.Statement>();

  /**
   * `busyTimeoutMs`: how long a write waits for another process's COMMIT on the same file. A group
   * commit holds the lock for milliseconds, so 2 s is ample; it is short because better-sqlite3
   * waits synchronously (the event loop stalls), and past it the request gets a 503 to retry.
   */
  constructor(file: string, opts: { groupCommit?: boolean; busyTimeoutMs?: number } = {}) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('secure_delete = ON');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)}`);
    migrate(this.#db);
    this.#commit = new GroupCommit(this.#db, opts.groupCommit ?? true);
  }

  get commitStats(): { batches: number; writes: number } {
    return { batches: this.#commit.batches, writes: this.#commit.writes };
  }

  #sql(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) this.#statements.set(sql, (s = this.#db.prepare(sql)));
    return s;
  }
  #get(sql: string, ...params: unknown[]): Row | undefined {
    return this.#sql(sql).get(...params) as Row | undefined;
  }
  #all(sql: string, ...params: unknown[]): Row[] {
    return this.#sql(sql).all(...params) as Row[];
  }
  #run(sql: string, ...params: unknown[]): number {
    return this.#sql(sql).run(...params).changes;
  }
  #write<T>(fn: () => T): Promise<T> {
    return this.#commit.write(fn);
  }

  async createAccount(a: AccountRecord): Promise<void> {
    await this.#write(() => this.#run('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)', a.id, a.name, a.createdAt));
  }
  async findAccount(id: string): Promise<AccountRecord | undefined> {
    const r = this.#get('SELECT * FROM accounts WHERE id = ?', id);
    return r && accountFromRow(r);
  }
  async findAccountByName(name: string): Promise<AccountRecord | undefined> {
    const r = this.#get('SELECT * FROM accounts WHERE name = ?', name);
    return r && accountFromRow(r);
  }
  async listAccounts(): Promise<AccountRecord[]> {
    return this.#all('SELECT * FROM accounts ORDER BY created_at').map(accountFromRow);
  }
  async verifyOrigin(accountId: string, origin: string, at: number): Promise<void> {
    await this.#write(() =>
      this.#run('INSERT OR IGNORE INTO account_origins (account_id, origin, verified_at) VALUES (?, ?, ?)', accountId, origin, at),
    );
  }
  async isOriginVerified(accountId: string, origin: string): Promise<boolean> {
    return this.#get('SELECT 1 AS ok FROM account_origins WHERE account_id = ? AND origin = ?', accountId, origin) !== undefined;
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    const row = keyToRow(k);
    await this.#write(() => this.#run(insertSql('api_keys', row), row));
  }
  async findKey(id: string): Promise<ApiKeyRecord | undefined> {
    const r = this.#get('SELECT * FROM api_keys WHERE id = ?', id);
    return r && keyFromRow(r);
  }
  async findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined> {
    const r = this.#get('SELECT * FROM api_keys WHERE hash = ?', hash);
    return r && keyFromRow(r);
  }
  async listKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    const rows = accountId
      ? this.#all('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at', accountId)
      : this.#all('SELECT * FROM api_keys ORDER BY created_at');
    return rows.map(keyFromRow);
  }
  async rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void> {
    const row = keyToRow(successor);
    await this.#write(() => {
      this.#run('UPDATE api_keys SET expires_at = ? WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)', overlapEndsAt, oldId, overlapEndsAt);
      this.#run(insertSql('api_keys', row), row);
    });
  }
  async revokeKey(id: string, at: number): Promise<boolean> {
    return (await this.#write(() => this.#run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id))) === 1;
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await this.#write(() =>
      this.#run(
        'INSERT INTO sessions (id, account_id, key_id, origin, created_at, expires_at, max_uses, uses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        s.id, s.accountId, s.keyId, s.origin, s.createdAt, s.expiresAt, s.maxUses, s.uses,
      ),
    );
  }

  async findSession(id: string): Promise<SessionRecord | undefined> {
    const r = this.#get('SELECT * FROM sessions WHERE id = ?', id);
    return r && sessionFromRow(r);
  }
  async isJtiSeen(jti: string): Promise<boolean> {
    return this.#get('SELECT 1 AS seen FROM seen_jti WHERE jti = ?', jti) !== undefined;
  }

  beginIdempotent(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin> {
    return this.#write((): IdempotencyBegin => {
      const r = this.#get('SELECT * FROM idempotency WHERE account_id = ? AND idem_key = ?', accountId, key);
      if (r && r.body_hash !== bodyHash) return { kind: 'conflict' };
      if (r && r.state === 'done') return { kind: 'stored', response: JSON.parse(r.response as string) as StoredResponse };
      if (r && (r.created_at as number) > now - staleAfterMs) return { kind: 'in_flight' };
      // New, or an in-flight claim left by a crashed process: (re)claim it.
      this.#run(
        'INSERT OR REPLACE INTO idempotency (account_id, idem_key, body_hash, state, response, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
        accountId, key, bodyHash, 'in_flight', now,
      );
      return { kind: 'new' };
    });
  }
  async finishIdempotent(accountId: string, key: string, response: StoredResponse | undefined): Promise<void> {
    await this.#write(() =>
      response
        ? this.#run("UPDATE idempotency SET state = 'done', response = ? WHERE account_id = ? AND idem_key = ?", JSON.stringify(response), accountId, key)
        : this.#run('DELETE FROM idempotency WHERE account_id = ? AND idem_key = ?', accountId, key),
    );
  }

  commitToken(args: { token: TokenRecord; sid: string; jti: string; now: number; idempotency: { key: string; response: StoredResponse } }): Promise<CommitTokenResult> {
    const { token, sid, jti, now } = args;
    return this.#write((): CommitTokenResult => {
      const s = this.#get('SELECT * FROM sessions WHERE id = ?', sid);
      if (!s || s.key_id !== token.keyId || (s.expires_at as number) <= now) return 'session_expired';
      if ((s.uses as number) >= (s.max_uses as number)) return 'session_exhausted';
      if (this.#run('INSERT OR IGNORE INTO seen_jti (jti, expires_at) VALUES (?, ?)', jti, s.expires_at) === 0) return 'replayed';
      this.#run('UPDATE sessions SET uses = uses + 1 WHERE id = ?', sid);
      const row = tokenToRow(token);
      this.#run(insertSql('tokens', row), row);
      this.#run(
        "UPDATE idempotency SET state = 'done', response = ? WHERE account_id = ? AND idem_key = ?",
        JSON.stringify(args.idempotency.response), token.accountId, args.idempotency.key,
      );
      return 'ok';
    });
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    const r = this.#get('SELECT * FROM tokens WHERE id = ?', id);
    return r && tokenFromRow(r);
  }
  revealToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<TokenRecord | undefined> {
    return this.#write(() => {
      const r = this.#get('SELECT * FROM tokens WHERE id = ?', id);
      if (!r) return undefined;
      this.#run('UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE id = ?', id);
      this.#audit(r, audit, 'reveal', id);
      return tokenFromRow(r);
    });
  }
  persistToken(id: string, at: number): Promise<TokenRecord | undefined> {
    return this.#write(() => {
      this.#run('UPDATE tokens SET expires_at = NULL WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)', id, at);
      const r = this.#get('SELECT * FROM tokens WHERE id = ?', id);
      return r && tokenFromRow(r);
    });
  }
  deleteToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<boolean> {
    return this.#write(() => {
      const r = this.#get('SELECT account_id, livemode FROM tokens WHERE id = ?', id);
      if (!r) return false;
      this.#run('DELETE FROM tokens WHERE id = ?', id);
      this.#audit(r, audit, 'delete', id);
      return true;
    });
  }
  /** The audit row takes the account and mode of the token row it is about. */
  #audit(token: Row, a: { keyId: string; requestId: string; at: number }, action: string, tokenId: string): void {
    this.#run(
      'INSERT INTO audit_log (at, account_id, livemode, key_id, action, token_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      a.at, token.account_id, token.livemode, a.keyId, action, tokenId, a.requestId,
    );
  }
  purgeExpired(now: number): Promise<PurgeCounts> {
    return this.#write(() => ({
      tokens: this.#run('DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= ?', now),
      cvcs: this.#run('UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE cvc_expires_at IS NOT NULL AND cvc_expires_at <= ?', now),
      sessions: this.#run('DELETE FROM sessions WHERE expires_at <= ?', now),
      jtis: this.#run('DELETE FROM seen_jti WHERE expires_at <= ?', now),
      idempotency: this.#run('DELETE FROM idempotency WHERE created_at <= ?', now - IDEMPOTENCY_RETENTION_MS),
    }));
  }

  async recordEvent(e: EventRecord): Promise<void> {
    await this.#write(() =>
      this.#run(
        'INSERT INTO events (id, account_id, livemode, type, created_at, data) VALUES (?, ?, ?, ?, ?, ?)',
        e.id, e.accountId, e.livemode ? 1 : 0, e.type, e.createdAt, JSON.stringify(e.data),
      ),
    );
  }
  async listEvents(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]> {
    const src = eventSources(opts.type);
    const mode = opts.livemode ? 1 : 0;
    const events = !src.events
      ? []
      : opts.type
        ? this.#all('SELECT * FROM events WHERE account_id = ? AND livemode = ? AND type = ? ORDER BY created_at DESC LIMIT ?', accountId, mode, opts.type, opts.limit)
        : this.#all('SELECT * FROM events WHERE account_id = ? AND livemode = ? ORDER BY created_at DESC LIMIT ?', accountId, mode, opts.limit);
    const audit =
      src.auditAction === undefined
        ? []
        : src.auditAction === null
          ? this.#all('SELECT * FROM audit_log WHERE account_id = ? AND livemode = ? ORDER BY at DESC LIMIT ?', accountId, mode, opts.limit)
          : this.#all('SELECT * FROM audit_log WHERE account_id = ? AND livemode = ? AND action = ? ORDER BY at DESC LIMIT ?', accountId, mode, src.auditAction, opts.limit);
    return mergeEvents(events.map(eventFromRow), audit.map(auditEventFromRow), opts.limit);
  }

  async getState(name: string): Promise<string | undefined> {
    return this.#get('SELECT value FROM vault_state WHERE name = ?', name)?.value as string | undefined;
  }
  async putState(name: string, value: string, at: number): Promise<void> {
    await this.#write(() =>
      this.#run('INSERT INTO vault_state (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', name, value, at),
    );
  }
  putStateIfAbsent(name: string, value: string, at: number): Promise<string> {
    return this.#write(() => {
      this.#run('INSERT INTO vault_state (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', name, value, at);
      return this.#get('SELECT value FROM vault_state WHERE name = ?', name)!.value as string;
    });
  }
  rewrapEnvelopes(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return this.#write(() => {
      let n = 0;
      for (const r of this.#all('SELECT * FROM tokens')) {
        for (const col of TOKEN_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          this.#run(`UPDATE tokens SET ${col} = ? WHERE id = ?`, rewrap(env, col.replace('_enc', '')), r.id);
          n++;
        }
      }
      for (const r of this.#all('SELECT name, value FROM vault_state')) {
        this.#run('UPDATE vault_state SET value = ? WHERE name = ?', rewrap(r.value as string, 'state'), r.name);
        n++;
      }
      return n;
    });
  }

  async ping(): Promise<void> {
    this.#get('SELECT 1');
  }
  async close(): Promise<void> {
    await this.#commit.drain();
    if (this.#db.open) {
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
      this.#db.close();
    }
  }
}

/**
 * Applies pending migrations in one IMMEDIATE transaction (the write lock first, then the check), so
 * a second process opening the same file at the same moment waits and then finds nothing to do.
 */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of SQLITE_MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
    }
  }).immediate();
}
