import type { EventRecord } from '../records';
import type { Row } from '../rows';

/** Audit actions listed as events (GET /v1/events lists reveals next to events; deletes are events since migration 7). */
const AUDIT_TYPES: Record<string, string> = { reveal: 'token.revealed' };

export const eventFromRow = (r: Row): EventRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  type: r.type as string,
  livemode: Number(r.livemode) === 1,
  createdAt: Number(r.created_at),
  data: JSON.parse(r.data as string) as Record<string, unknown>,
});

export const auditEventFromRow = (r: Row): EventRecord => ({
  id: `evt_audit_${String(r.id)}`,
  accountId: r.account_id as string,
  type: AUDIT_TYPES[r.action as string] ?? `token.${String(r.action)}`,
  livemode: Number(r.livemode) === 1,
  createdAt: Number(r.at),
  data: { tokenId: r.token_id, keyId: r.key_id, requestId: r.request_id },
});

/**
 * Which tables a type filter needs: the events table, the audit log's reveals, or both
 * (`auditAction` undefined: no audit rows).
 */
export function eventSources(type: string | undefined): { events: boolean; auditAction: string | undefined } {
  if (type === undefined) return { events: true, auditAction: 'reveal' };
  const action = Object.entries(AUDIT_TYPES).find(([, t]) => t === type)?.[0];
  return action ? { events: false, auditAction: action } : { events: true, auditAction: undefined };
}

/** Newest first, at most `limit`, from the two sources each already limited and sorted. */
export function mergeEvents(a: EventRecord[], b: EventRecord[], limit: number): EventRecord[] {
  return [...a, ...b].sort((x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1)).slice(0, limit);
}
