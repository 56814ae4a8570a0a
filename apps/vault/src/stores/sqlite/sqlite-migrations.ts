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
  {
    // Connections to processors (credentials sealed under the master key) and charges (DESIGN.md "Spending a token"). `processor` is the JSON of the processor's answer fields shown to the merchant; `processor_account` the processor's own card token, never shown.
    version: 6,
    sql: `
      CREATE TABLE connections (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), livemode INTEGER NOT NULL, kind TEXT NOT NULL,
        url TEXT NOT NULL, merchid TEXT NOT NULL, credentials_enc TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE INDEX connections_account_mode ON connections (account_id, livemode);
      CREATE TABLE charges (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key_id TEXT NOT NULL, livemode INTEGER NOT NULL, connection_id TEXT NOT NULL,
        token_id TEXT NOT NULL, idempotency_key TEXT, order_id TEXT, amount INTEGER NOT NULL, currency TEXT NOT NULL, capture INTEGER NOT NULL,
        status TEXT NOT NULL, amount_authorized INTEGER NOT NULL, amount_captured INTEGER NOT NULL, amount_refunded INTEGER NOT NULL,
        brand TEXT NOT NULL, last4 TEXT NOT NULL, processor TEXT NOT NULL, processor_account TEXT, failure_code TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE UNIQUE INDEX charges_idempotency ON charges (account_id, idempotency_key);
      CREATE INDEX charges_account_mode_created ON charges (account_id, livemode, created_at);
      CREATE INDEX charges_status_updated ON charges (status, updated_at);
    `,
  },
  {
    // Webhooks (the migrators apply whatever version is missing, in list order).
    // Endpoints with their sealed secrets (the previous one kept
    // 24 h after a rotation), the outbox (one delivery per event and subscribed endpoint, written in
    // the event's transaction; a lease so one worker owns an attempt) and every attempt made.
    // token.deleted becomes a recorded event (it is sent as a webhook): past deletes move over from
    // the audit trail under the ids GET /v1/events already showed for them. card_testing_suspected is
    // renamed card_testing.suspected, the name of DESIGN.md's event list.
    version: 7,
    sql: `
      CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, livemode INTEGER NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL,
        description TEXT, secret_enc TEXT NOT NULL, previous_secret_enc TEXT, previous_secret_expires_at INTEGER,
        disabled_at INTEGER, disabled_reason TEXT, failing_since INTEGER, created_at INTEGER NOT NULL);
      CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, livemode);
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL, attempts INTEGER NOT NULL, status TEXT NOT NULL,
        next_at INTEGER NOT NULL, lease_owner TEXT, lease_until INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_at);
      CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id);
      CREATE TABLE webhook_attempts (
        id TEXT PRIMARY KEY, delivery_id TEXT NOT NULL, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL, at INTEGER NOT NULL,
        attempt INTEGER NOT NULL, worker TEXT NOT NULL, status INTEGER, latency_ms INTEGER NOT NULL, response TEXT, error TEXT);
      CREATE INDEX webhook_attempts_endpoint_at ON webhook_attempts (endpoint_id, at);
      INSERT INTO events (id, account_id, livemode, type, created_at, data)
        SELECT 'evt_audit_' || id, account_id, livemode, 'token.deleted', at, json_object('tokenId', token_id, 'keyId', key_id, 'requestId', request_id)
        FROM audit_log WHERE action = 'delete';
      UPDATE events SET type = 'card_testing.suspected' WHERE type = 'card_testing_suspected';
    `,
  },
  // Version 8 is taken by another branch. The migrator applies every version it has not recorded, in
  // this array's order, so a gap is fine, and a store that ran 9 first takes 8 when it arrives.
  {
    // Co-badged cards: the network the shopper chose (EU IFR art. 8), on the token and on each charge
    // of it (what the charge was routed on); NULL for tokens and charges made before.
    version: 9,
    sql: `ALTER TABLE tokens ADD COLUMN network TEXT; ALTER TABLE charges ADD COLUMN network TEXT;`,
  },
];
