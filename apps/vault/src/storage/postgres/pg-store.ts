import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { auditEventFromRow, eventFromRow, eventSources, mergeEvents } from '../event-rows';
import type { AccountRecord, ApiKeyRecord, CommitTokenResult, EventRecord, IdempotencyBegin, PurgeCounts, SessionRecord, StoredResponse, TokenRecord } from '../records';
import { accountFromRow, keyFromRow, keyToRow, sessionFromRow, tokenFromRow, tokenToRow, type Row } from '../sqlite-rows';
import type { VaultStore } from '../vault-store';
import { createPool, inTransaction, Rollback } from './pg-pool';
import { migratePg } from './pg-migrate';

const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
const TOKEN_FIELDS = ['pan_enc', 'cvc_enc', 'name_enc', 'postal_enc'] as const;
type Q = pg.Pool | pg.PoolClient;

function insert(table: string, row: Row, suffix = ''): [string, unknown[]] {
  const cols = Object.keys(row);
  return [`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})${suffix}`, Object.values(row)];
}
const one = async (q: Q, sql: string, params: unknown[] = []): Promise<Row | undefined> => (await q.query<Row>(sql, params)).rows[0];
const all = async (q: Q, sql: string, params: unknown[] = []): Promise<Row[]> => (await q.query<Row>(sql, params)).rows;
const run = async (q: Q, sql: string, params: unknown[] = []): Promise<number> => (await q.query(sql, params)).rowCount ?? 0;

/**
 * The store for more than one vault process (DESIGN.md "Vault"): the same VaultStore contract as
 * SqliteStore, over a pg pool. Each atomic rule is one transaction (retried on 40001 for
 * distributed engines); a write resolves after COMMIT returned, and with `synchronous_commit=on`
 * (PostgreSQL's default) that means the WAL record is flushed.
 */
export class PgStore implements VaultStore {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects, applies pending migrations, and returns the store. */
  static async open(url: string, opts: { schema?: string; poolSize?: number } = {}): Promise<PgStore> {
    const pool = createPool(url, { ...(opts.schema ? { schema: opts.schema } : {}), max: opts.poolSize ?? 10 });
    try {
      await migratePg(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PgStore(pool);
  }

  async createAccount(a: AccountRecord): Promise<void> {
    await run(this.#pool, 'INSERT INTO accounts (id, name, created_at) VALUES ($1, $2, $3)', [a.id, a.name, a.createdAt]);
  }
  async findAccount(id: string): Promise<AccountRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM accounts WHERE id = $1', [id]);
    return r && accountFromRow(r);
  }
  async findAccountByName(name: string): Promise<AccountRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM accounts WHERE name = $1', [name]);
    return r && accountFromRow(r);
  }
  async listAccounts(): Promise<AccountRecord[]> {
    return (await all(this.#pool, 'SELECT * FROM accounts ORDER BY created_at, id')).map(accountFromRow);
  }
  async verifyOrigin(accountId: string, origin: string, at: number): Promise<void> {
    await run(this.#pool, 'INSERT INTO account_origins (account_id, origin, verified_at) VALUES ($1, $2, $3) ON CONFLICT (account_id, origin) DO NOTHING', [accountId, origin, at]);
  }
  async isOriginVerified(accountId: string, origin: string): Promise<boolean> {
    return (await one(this.#pool, 'SELECT 1 AS ok FROM account_origins WHERE account_id = $1 AND origin = $2', [accountId, origin])) !== undefined;
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    await this.#pool.query(...insert('api_keys', keyToRow(k)));
  }
  async findKey(id: string): Promise<ApiKeyRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM api_keys WHERE id = $1', [id]);
    return r && keyFromRow(r);
  }
  async findKeyByHash(hash: Buffer): Promise<ApiKeyRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM api_keys WHERE hash = $1', [hash]);
    return r && keyFromRow(r);
  }
  async listKeys(accountId?: string): Promise<ApiKeyRecord[]> {
    const rows = accountId
      ? await all(this.#pool, 'SELECT * FROM api_keys WHERE account_id = $1 ORDER BY created_at, id', [accountId])
      : await all(this.#pool, 'SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(keyFromRow);
  }
  async rollKey(oldId: string, overlapEndsAt: number, successor: ApiKeyRecord): Promise<void> {
    await inTransaction(this.#pool, async (q) => {
      await run(q, 'UPDATE api_keys SET expires_at = $1 WHERE id = $2 AND (expires_at IS NULL OR expires_at > $1)', [overlapEndsAt, oldId]);
      await q.query(...insert('api_keys', keyToRow(successor)));
    });
  }
  async revokeKey(id: string, at: number): Promise<boolean> {
    return (await run(this.#pool, 'UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await run(
      this.#pool,
      'INSERT INTO sessions (id, account_id, key_id, origin, created_at, expires_at, max_uses, uses) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [s.id, s.accountId, s.keyId, s.origin, s.createdAt, s.expiresAt, s.maxUses, s.uses],
    );
  }
  async findSession(id: string): Promise<SessionRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM sessions WHERE id = $1', [id]);
    return r && sessionFromRow(r);
  }
  async isJtiSeen(jti: string): Promise<boolean> {
    return (await one(this.#pool, 'SELECT 1 AS seen FROM seen_jti WHERE jti = $1', [jti])) !== undefined;
  }

  /**
   * Claim by INSERT … ON CONFLICT DO NOTHING: of two concurrent claims the second waits for the
   * first's row and then sees it, so exactly one request runs. A stale in-flight claim (a process
   * died mid-request) is taken over with a conditional UPDATE, which again only one caller wins.
   */
  async beginIdempotent(accountId: string, key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<IdempotencyBegin> {
    const claimed = await run(
      this.#pool,
      "INSERT INTO idempotency (account_id, idem_key, body_hash, state, response, created_at) VALUES ($1, $2, $3, 'in_flight', NULL, $4) ON CONFLICT (account_id, idem_key) DO NOTHING",
      [accountId, key, bodyHash, now],
    );
    if (claimed === 1) return { kind: 'new' };
    const r = await one(this.#pool, 'SELECT * FROM idempotency WHERE account_id = $1 AND idem_key = $2', [accountId, key]);
    if (!r) return this.beginIdempotent(accountId, key, bodyHash, now, staleAfterMs); // purged between the two statements
    if (r.body_hash !== bodyHash) return { kind: 'conflict' };
    if (r.state === 'done') return { kind: 'stored', response: JSON.parse(r.response as string) as StoredResponse };
    if ((r.created_at as number) > now - staleAfterMs) return { kind: 'in_flight' };
    const taken = await run(
      this.#pool,
      "UPDATE idempotency SET created_at = $3 WHERE account_id = $1 AND idem_key = $2 AND state = 'in_flight' AND created_at = $4",
      [accountId, key, now, r.created_at],
    );
    return taken === 1 ? { kind: 'new' } : { kind: 'in_flight' };
  }
  async finishIdempotent(accountId: string, key: string, response: StoredResponse | undefined): Promise<void> {
    if (response) {
      await run(this.#pool, "UPDATE idempotency SET state = 'done', response = $1 WHERE account_id = $2 AND idem_key = $3", [JSON.stringify(response), accountId, key]);
    } else {
      await run(this.#pool, 'DELETE FROM idempotency WHERE account_id = $1 AND idem_key = $2', [accountId, key]);
    }
  }

  /** The session row is locked (FOR UPDATE) so two processes cannot both spend its last use. */
  async commitToken(args: { token: TokenRecord; sid: string; jti: string; now: number; idempotency: { key: string; response: StoredResponse } }): Promise<CommitTokenResult> {
    const { token, sid, jti, now } = args;
    try {
      return await inTransaction(this.#pool, async (q): Promise<CommitTokenResult> => {
        const s = await one(q, 'SELECT key_id, expires_at, uses, max_uses FROM sessions WHERE id = $1 FOR UPDATE', [sid]);
        if (!s || s.key_id !== token.keyId || (s.expires_at as number) <= now) throw new Rollback<CommitTokenResult>('session_expired');
        if ((s.uses as number) >= (s.max_uses as number)) throw new Rollback<CommitTokenResult>('session_exhausted');
        if ((await run(q, 'INSERT INTO seen_jti (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING', [jti, s.expires_at])) === 0) {
          throw new Rollback<CommitTokenResult>('replayed');
        }
        await run(q, 'UPDATE sessions SET uses = uses + 1 WHERE id = $1', [sid]);
        await q.query(...insert('tokens', tokenToRow(token)));
        await run(q, "UPDATE idempotency SET state = 'done', response = $1 WHERE account_id = $2 AND idem_key = $3", [
          JSON.stringify(args.idempotency.response), token.accountId, args.idempotency.key,
        ]);
        return 'ok';
      });
    } catch (e) {
      if (e instanceof Rollback) return e.value as CommitTokenResult;
      throw e;
    }
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    const r = await one(this.#pool, 'SELECT * FROM tokens WHERE id = $1', [id]);
    return r && tokenFromRow(r);
  }
  revealToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<TokenRecord | undefined> {
    return inTransaction(this.#pool, async (q) => {
      const r = await one(q, 'SELECT * FROM tokens WHERE id = $1 FOR UPDATE', [id]);
      if (!r) return undefined;
      await run(q, 'UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE id = $1', [id]);
      await this.#audit(q, r, audit, 'reveal', id);
      return tokenFromRow(r);
    });
  }
  persistToken(id: string, at: number): Promise<TokenRecord | undefined> {
    return inTransaction(this.#pool, async (q) => {
      await run(q, 'UPDATE tokens SET expires_at = NULL WHERE id = $1 AND (expires_at IS NULL OR expires_at > $2)', [id, at]);
      const r = await one(q, 'SELECT * FROM tokens WHERE id = $1', [id]);
      return r && tokenFromRow(r);
    });
  }
  deleteToken(id: string, audit: { keyId: string; requestId: string; at: number }): Promise<boolean> {
    return inTransaction(this.#pool, async (q) => {
      const r = await one(q, 'DELETE FROM tokens WHERE id = $1 RETURNING account_id, livemode', [id]);
      if (!r) return false;
      await this.#audit(q, r, audit, 'delete', id);
      return true;
    });
  }
  /** The audit row takes the account and mode of the token row it is about. */
  async #audit(q: Q, token: Row, a: { keyId: string; requestId: string; at: number }, action: string, tokenId: string): Promise<void> {
    await run(q, 'INSERT INTO audit_log (id, at, account_id, livemode, key_id, action, token_id, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      randomBytes(12).toString('base64url'), a.at, token.account_id, token.livemode, a.keyId, action, tokenId, a.requestId,
    ]);
  }
  purgeExpired(now: number): Promise<PurgeCounts> {
    return inTransaction(this.#pool, async (q) => ({
      tokens: await run(q, 'DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= $1', [now]),
      cvcs: await run(q, 'UPDATE tokens SET cvc_enc = NULL, cvc_expires_at = NULL WHERE cvc_expires_at IS NOT NULL AND cvc_expires_at <= $1', [now]),
      sessions: await run(q, 'DELETE FROM sessions WHERE expires_at <= $1', [now]),
      jtis: await run(q, 'DELETE FROM seen_jti WHERE expires_at <= $1', [now]),
      idempotency: await run(q, 'DELETE FROM idempotency WHERE created_at <= $1', [now - IDEMPOTENCY_RETENTION_MS]),
    }));
  }

  async recordEvent(e: EventRecord): Promise<void> {
    await run(this.#pool, 'INSERT INTO events (id, account_id, livemode, type, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.id, e.accountId, e.livemode ? 1 : 0, e.type, e.createdAt, JSON.stringify(e.data),
    ]);
  }
  async listEvents(accountId: string, opts: { livemode: boolean; limit: number; type?: string }): Promise<EventRecord[]> {
    const src = eventSources(opts.type);
    const mode = opts.livemode ? 1 : 0;
    const events = !src.events
      ? []
      : opts.type
        ? await all(this.#pool, 'SELECT * FROM events WHERE account_id = $1 AND livemode = $2 AND type = $3 ORDER BY created_at DESC LIMIT $4', [accountId, mode, opts.type, opts.limit])
        : await all(this.#pool, 'SELECT * FROM events WHERE account_id = $1 AND livemode = $2 ORDER BY created_at DESC LIMIT $3', [accountId, mode, opts.limit]);
    const audit =
      src.auditAction === undefined
        ? []
        : src.auditAction === null
          ? await all(this.#pool, 'SELECT * FROM audit_log WHERE account_id = $1 AND livemode = $2 ORDER BY at DESC LIMIT $3', [accountId, mode, opts.limit])
          : await all(this.#pool, 'SELECT * FROM audit_log WHERE account_id = $1 AND livemode = $2 AND action = $3 ORDER BY at DESC LIMIT $4', [accountId, mode, src.auditAction, opts.limit]);
    return mergeEvents(events.map(eventFromRow), audit.map(auditEventFromRow), opts.limit);
  }

  async getState(name: string): Promise<string | undefined> {
    return (await one(this.#pool, 'SELECT value FROM vault_state WHERE name = $1', [name]))?.value as string | undefined;
  }
  async putState(name: string, value: string, at: number): Promise<void> {
    await run(
      this.#pool,
      'INSERT INTO vault_state (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [name, value, at],
    );
  }
  /** The re-read is a second statement: under READ COMMITTED it sees the row the winner committed. */
  putStateIfAbsent(name: string, value: string, at: number): Promise<string> {
    return inTransaction(this.#pool, async (q) => {
      await run(q, 'INSERT INTO vault_state (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, value, at]);
      return (await one(q, 'SELECT value FROM vault_state WHERE name = $1', [name]))!.value as string;
    });
  }
  rewrapEnvelopes(rewrap: (envelope: string, field: string) => string): Promise<number> {
    return inTransaction(this.#pool, async (q) => {
      let n = 0;
      for (const r of await all(q, 'SELECT * FROM tokens FOR UPDATE')) {
        for (const col of TOKEN_FIELDS) {
          const env = r[col] as string | null;
          if (env === null) continue;
          await run(q, `UPDATE tokens SET ${col} = $1 WHERE id = $2`, [rewrap(env, col.replace('_enc', '')), r.id]);
          n++;
        }
      }
      for (const r of await all(q, 'SELECT name, value FROM vault_state FOR UPDATE')) {
        await run(q, 'UPDATE vault_state SET value = $1 WHERE name = $2', [rewrap(r.value as string, 'state'), r.name]);
        n++;
      }
      return n;
    });
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }
  #closing: Promise<void> | undefined;
  close(): Promise<void> {
    return (this.#closing ??= this.#pool.end());
  }
}
