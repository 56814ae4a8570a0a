/**
 * Versioned schema migrations, applied in order inside one transaction each and recorded in
 * `schema_migrations`. Never edit a shipped migration: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
      CREATE TABLE account_origins (
        account_id TEXT NOT NULL REFERENCES accounts(id), origin TEXT NOT NULL, verified_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, origin));
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), type TEXT NOT NULL, env TEXT NOT NULL,
        hash BLOB NOT NULL UNIQUE, hint TEXT NOT NULL, label TEXT NOT NULL, origins TEXT NOT NULL, scopes TEXT NOT NULL,
        ip_allowlist TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key_id TEXT NOT NULL, origin TEXT NOT NULL,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, max_uses INTEGER NOT NULL, uses INTEGER NOT NULL);
      CREATE INDEX sessions_expiry ON sessions (expires_at);
      CREATE TABLE seen_jti (jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
      CREATE INDEX seen_jti_expiry ON seen_jti (expires_at);
      CREATE TABLE idempotency (
        account_id TEXT NOT NULL, idem_key TEXT NOT NULL, body_hash TEXT NOT NULL, state TEXT NOT NULL,
        response TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (account_id, idem_key));
      CREATE INDEX idempotency_created ON idempotency (created_at);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key_id TEXT NOT NULL, livemode INTEGER NOT NULL,
        brand TEXT NOT NULL, bin TEXT NOT NULL, last4 TEXT NOT NULL, exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL,
        fingerprint TEXT NOT NULL, pan_enc TEXT NOT NULL, cvc_enc TEXT, cvc_expires_at INTEGER,
        name_enc TEXT, postal_enc TEXT, created_at INTEGER NOT NULL, expires_at INTEGER);
      CREATE INDEX tokens_expiry ON tokens (expires_at);
      CREATE INDEX tokens_cvc_expiry ON tokens (cvc_expires_at);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, account_id TEXT NOT NULL, key_id TEXT NOT NULL,
        action TEXT NOT NULL, token_id TEXT NOT NULL, request_id TEXT NOT NULL);
      CREATE TABLE vault_state (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
    `,
  },
  {
    // Security events for GET /v1/events (same version in PG_MIGRATIONS, stores/postgres).
    version: 2,
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, type TEXT NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX events_account_created ON events (account_id, created_at);
      CREATE INDEX audit_log_account_at ON audit_log (account_id, at);
    `,
  },
  {
    // Events and audit rows record the mode (test/live) of what they are about, so a test key never
    // lists live-mode activity. Rows written before this migration take the mode of the key that
    // wrote them; a row whose key is gone counts as live (hidden from test keys).
    version: 3,
    sql: `
      ALTER TABLE events ADD COLUMN livemode INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE audit_log ADD COLUMN livemode INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    // Separate from the DDL above: CockroachDB restricts using a column added in the same transaction.
    // Idempotent (IF NOT EXISTS), so a store that ran an early build of version 3 applies it cleanly.
    version: 4,
    sql: `
      UPDATE events SET livemode = 0 WHERE json_extract(data, '$.keyId') IN (SELECT id FROM api_keys WHERE env = 'test');
      UPDATE audit_log SET livemode = 0 WHERE key_id IN (SELECT id FROM api_keys WHERE env = 'test');
      CREATE INDEX IF NOT EXISTS events_account_mode_created ON events (account_id, livemode, created_at);
      CREATE INDEX IF NOT EXISTS audit_log_account_mode_at ON audit_log (account_id, livemode, at);
    `,
  },
  {
    // Key hints were cut at the key's last `_`, which can fall inside the random part: some stored
    // hints held most of their key. Keep the fixed prefix and 4 random characters (auth/api-key.ts).
    // Operators roll every key whose hint this shortens (docs/operations.md).
    version: 5,
    sql: `UPDATE api_keys SET hint = substr(hint, 1, 12) || '…' WHERE length(hint) > 13;`,
  },
  // Versions 6, 7 and 8 are taken by other branches (webhooks outbox, charges…). The migrator applies
  // every version it has not recorded, in this array's order, so a gap is fine and a store that ran
  // 9 first takes 6–8 when they arrive (each touches other tables).
  {
    // Co-badged cards: the network the shopper chose (EU IFR art. 8); NULL for tokens made before.
    version: 9,
    sql: `ALTER TABLE tokens ADD COLUMN network TEXT;`,
  },
];
