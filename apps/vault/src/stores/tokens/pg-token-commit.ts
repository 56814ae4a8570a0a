import type pg from 'pg';
import { sessionFromRow } from '../sessions/session-rows';
import type { Row } from '../rows';
import type { TokenCommit, TokenCommitResult } from './token-commit';
import { tokenToRow } from './token-rows';

const COLUMNS = Object.keys(
  tokenToRow({
    id: '',
    accountId: '',
    keyId: '',
    livemode: false,
    brand: '',
    bin: '',
    last4: '',
    expMonth: 0,
    expYear: 0,
    fingerprint: '',
    panEnc: '',
    cvcEnc: null,
    cvcExpiresAt: null,
    nameEnc: null,
    postalEnc: null,
    createdAt: 0,
    expiresAt: null,
    network: null,
  }),
).join(', ');

/**
 * A tokenization's whole commit as ONE statement (one round trip, one autocommit transaction):
 * the session row locked, the session rule (services/session-rule.ts `sessionVerdict`, the same
 * conditions: the key's session, live at `now`, uses left) as the condition of every write, the jti
 * claimed, one use counted, the token inserted and its response stored under the Idempotency-Key.
 * Each write depends on the jti claim (`j`), which depends on the rule (`ok`): nothing is written
 * unless all of it is. The `token.created` event and one outbox row per enabled endpoint of the
 * account and mode subscribed to it (or to `*`, as webhook-store.ts `subscribed`) are written with
 * it, as `events.record` + `pgEnqueue` would in a transaction; a delivery's id is derived from the
 * event and endpoint ids (unique per pair, like the random ids the other path makes).
 * The locked row comes back so the caller states the verdict in one place.
 */
const SQL = `
WITH s AS (SELECT * FROM sessions WHERE id = $1 FOR UPDATE),
ok AS (SELECT expires_at FROM s WHERE key_id = $2 AND expires_at > $3 AND uses < max_uses),
j AS (INSERT INTO seen_jti (jti, expires_at) SELECT $4, expires_at FROM ok ON CONFLICT (jti) DO NOTHING RETURNING jti),
u AS (UPDATE sessions SET uses = uses + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM j) RETURNING id),
t AS (INSERT INTO tokens (${COLUMNS}) SELECT ${COLUMNS} FROM json_populate_record(NULL::tokens, $5::json) WHERE EXISTS (SELECT 1 FROM j) RETURNING id),
i AS (UPDATE idempotency SET state = 'done', response = $6 WHERE account_id = $7 AND idem_key = $8 AND EXISTS (SELECT 1 FROM j) RETURNING 1),
e AS (INSERT INTO events (id, account_id, livemode, type, created_at, data) SELECT $9, $10, $11, $12, $13, $14 FROM j RETURNING id),
w AS (INSERT INTO webhook_deliveries (id, event_id, endpoint_id, attempts, status, next_at, lease_owner, lease_until, created_at, updated_at)
  SELECT 'whd_' || left(md5(e.id || ':' || we.id), 24), e.id, we.id, 0, 'pending', $13, NULL, NULL, $13, $13
  FROM e JOIN webhook_endpoints we ON we.account_id = $10 AND we.livemode = $11 AND we.disabled_at IS NULL
    AND (we.events::jsonb ? $12 OR we.events::jsonb ? '*') RETURNING 1)
SELECT s.*, (SELECT count(*) FROM j)::int AS claimed FROM (SELECT 1) AS one LEFT JOIN s ON true`;

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock (as pg-pool.ts inTransaction)

export async function commitTokenPg(pool: pg.Pool, c: TokenCommit, attempts = 5): Promise<TokenCommitResult> {
  const ev = c.event;
  const params = [
    c.sid,
    c.keyId,
    c.now,
    c.jti,
    JSON.stringify(tokenToRow(c.token)),
    JSON.stringify(c.idempotency.response),
    c.idempotency.accountId,
    c.idempotency.key,
    ev.id,
    ev.accountId,
    ev.livemode ? 1 : 0,
    ev.type,
    ev.createdAt,
    JSON.stringify(ev.data),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      // Named: each pooled connection parses and plans it once (the pool's search_path is fixed).
      const r = (await pool.query<Row>({ name: 'tf_commit_token', text: SQL, values: params })).rows[0]!;
      return { session: r.id === null ? undefined : sessionFromRow(r), claimed: r.claimed === 1 };
    } catch (e) {
      if (attempt >= attempts || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
      await new Promise((res) => setTimeout(res, 2 ** attempt * 5 * Math.random()));
    }
  }
}
