import { all, run, type PgExec } from '../postgres/pg-exec';
import { insertPg } from '../rows';
import { attemptToRow } from './webhook-rows';
import { streaksAfter, type AttemptOutcome } from './webhook-store';

/** One attempt and its delivery's next state (lease still `owner`'s), in the caller's transaction; false when the lease was lost. */
export async function pgFinishAttempt(x: PgExec, deliveryId: string, owner: string, o: AttemptOutcome): Promise<boolean> {
  if (o.attempt) await run(x, ...insertPg('webhook_attempts', attemptToRow(o.attempt)));
  const moved = await run(
    x,
    'UPDATE webhook_deliveries SET attempts = attempts + 1, status = $1, next_at = $2, lease_owner = NULL, lease_until = NULL, updated_at = $3 WHERE id = $4 AND lease_owner = $5',
    [o.status, o.nextAt, o.at, deliveryId, owner],
  );
  if (moved === 0) return false;
  const ep = o.endpointId;
  if (o.streak === 'success') await run(x, 'UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1', [ep]);
  if (o.streak === 'failure')
    await run(x, 'UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $1) WHERE id = $2', [o.at, ep]);
  if (o.disable)
    await run(x, 'UPDATE webhook_endpoints SET disabled_at = $1, disabled_reason = $2 WHERE id = $3 AND disabled_at IS NULL', [
      o.at,
      o.disable.reason,
      ep,
    ]);
  return true;
}

/** Four statements for any number: the attempts, the deliveries (lease still ours), the streaks cleared, the streaks started. */
export async function pgFinishAttempts(
  x: PgExec,
  owner: string,
  items: readonly { deliveryId: string; outcome: AttemptOutcome }[],
): Promise<boolean[]> {
  const rows = items.flatMap((i) => (i.outcome.attempt ? [attemptToRow(i.outcome.attempt)] : []));
  if (rows.length > 0) {
    const cols = Object.keys(rows[0]!);
    const params: unknown[] = [];
    const values = rows.map((r) => `(${cols.map((c) => `$${params.push(r[c])}`).join(', ')})`);
    await run(x, `INSERT INTO webhook_attempts (${cols.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
  const params: unknown[] = [owner];
  const values = items.map(
    (i) =>
      `($${params.push(i.deliveryId)}::text, $${params.push(i.outcome.status)}::text, $${params.push(i.outcome.nextAt)}::bigint, $${params.push(i.outcome.at)}::bigint)`,
  );
  const moved = new Set(
    (
      await all(
        x,
        `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, status = v.status, next_at = v.next_at, lease_owner = NULL, lease_until = NULL, updated_at = v.at
     FROM (VALUES ${values.join(', ')}) AS v(id, status, next_at, at) WHERE d.id = v.id AND d.lease_owner = $1 RETURNING d.id`,
        params,
      )
    ).map((r) => r.id as string),
  );
  const result = items.map((i) => moved.has(i.deliveryId));
  const streaks = streaksAfter(items.map((i, n) => ({ moved: result[n]!, outcome: i.outcome })));
  const cleared = [...streaks].filter(([, s]) => s.clear).map(([id]) => id);
  if (cleared.length > 0)
    await run(x, 'UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ANY($1) AND failing_since IS NOT NULL', [cleared]);
  const started = [...streaks].filter(([, s]) => s.since !== null);
  if (started.length > 0) {
    await run(
      x,
      'UPDATE webhook_endpoints e SET failing_since = COALESCE(e.failing_since, v.since) FROM unnest($1::text[], $2::bigint[]) AS v(id, since) WHERE e.id = v.id',
      [started.map(([id]) => id), started.map(([, s]) => s.since)],
    );
  }
  return result;
}
