/**
 * The PostgreSQL twin of SQLITE_MIGRATIONS: the same versions, tables, columns and keys, in the
 * subset of SQL that PG-wire distributed engines (CockroachDB, YugabyteDB) also accept:
 * explicit primary keys on every table, no SERIAL/sequences (ids are random text made by the
 * vault), no advisory locks, no LISTEN/NOTIFY, no triggers, no stored procedures.
 * Timestamps are BIGINT milliseconds; booleans stay SMALLINT 0/1 so one row mapper serves both.
 * Never edit a shipped migration: add the next one (and its SQLite twin with the same version).
 */
export const PG_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL);
      CREATE TABLE account_origins (
        account_id TEXT NOT NULL REFERENCES accounts(id), origin TEXT NOT NULL, verified_at BIGINT NOT NULL,
        PRIMARY KEY (account_id, origin));
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), type TEXT NOT NULL, env TEXT NOT NULL,
        hash BYTEA NOT NULL UNIQUE, hint TEXT NOT NULL, label TEXT NOT NULL, origins TEXT NOT NULL, scopes TEXT NOT NULL,
        ip_allowlist TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key_id TEXT NOT NULL, origin TEXT NOT NULL,
        created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, max_uses INTEGER NOT NULL, uses INTEGER NOT NULL);
      CREATE INDEX sessions_expiry ON sessions (expires_at);
      CREATE TABLE seen_jti (jti TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
      CREATE INDEX seen_jti_expiry ON seen_jti (expires_at);
      CREATE TABLE idempotency (
        account_id TEXT NOT NULL, idem_key TEXT NOT NULL, body_hash TEXT NOT NULL, state TEXT NOT NULL,
        response TEXT, created_at BIGINT NOT NULL, PRIMARY KEY (account_id, idem_key));
      CREATE INDEX idempotency_created ON idempotency (created_at);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key_id TEXT NOT NULL, livemode SMALLINT NOT NULL,
        brand TEXT NOT NULL, bin TEXT NOT NULL, last4 TEXT NOT NULL, exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL,
        fingerprint TEXT NOT NULL, pan_enc TEXT NOT NULL, cvc_enc TEXT, cvc_expires_at BIGINT,
        name_enc TEXT, postal_enc TEXT, created_at BIGINT NOT NULL, expires_at BIGINT);
      CREATE INDEX tokens_expiry ON tokens (expires_at);
      CREATE INDEX tokens_cvc_expiry ON tokens (cvc_expires_at);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY, at BIGINT NOT NULL, account_id TEXT NOT NULL, key_id TEXT NOT NULL,
        action TEXT NOT NULL, token_id TEXT NOT NULL, request_id TEXT NOT NULL);
      CREATE TABLE vault_state (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, type TEXT NOT NULL, created_at BIGINT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX events_account_created ON events (account_id, created_at);
      CREATE INDEX audit_log_account_at ON audit_log (account_id, at);
    `,
  },
  {
    // Twin of SQLite version 3: events and audit rows record their mode (see sqlite-migrations.ts).
    version: 3,
    sql: `
      ALTER TABLE events ADD COLUMN livemode SMALLINT NOT NULL DEFAULT 1;
      ALTER TABLE audit_log ADD COLUMN livemode SMALLINT NOT NULL DEFAULT 1;
    `,
  },
  {
    // Separate from the DDL above: CockroachDB restricts using a column added in the same transaction.
    // Idempotent (IF NOT EXISTS), so a store that ran an early build of version 3 applies it cleanly.
    version: 4,
    sql: `
      UPDATE events SET livemode = 0 WHERE (data::jsonb ->> 'keyId') IN (SELECT id FROM api_keys WHERE env = 'test');
      UPDATE audit_log SET livemode = 0 WHERE key_id IN (SELECT id FROM api_keys WHERE env = 'test');
      CREATE INDEX IF NOT EXISTS events_account_mode_created ON events (account_id, livemode, created_at);
      CREATE INDEX IF NOT EXISTS audit_log_account_mode_at ON audit_log (account_id, livemode, at);
    `,
  },
  {
    // Twin of SQLite version 5: key hints keep only the fixed prefix and 4 random characters.
    version: 5,
    sql: `UPDATE api_keys SET hint = substr(hint, 1, 12) || '…' WHERE length(hint) > 13;`,
  },
  // Versions 6–8 belong to other branches; see sqlite-migrations.ts (a gap is fine: pg-migrate.ts
  // applies every version not in schema_migrations, in this array's order).
  {
    // Twin of SQLite version 9: the network a co-badged card's shopper chose; NULL for older tokens.
    version: 9,
    sql: `ALTER TABLE tokens ADD COLUMN network TEXT;`,
  },
];
