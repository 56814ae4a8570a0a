import type { ChargeRecord } from '../../stores/records';
import type { ChargeDeps } from './charge-context';

/** A pending charge older than this has lost its request (the recovery itself takes ≤ 5 processor timeouts). */
export const PENDING_GRACE_MS = 2 * 60_000;
/** How long after a timeout a late authorization is still looked for and voided. */
export const LATE_AUTH_WINDOW_MS = 15 * 60_000;

/**
 * The sweep's half of "never a double charge, never money behind a failed charge": a charge whose
 * request died while pending is resumed (`resume`: inquire, keep or void), and a charge that failed on
 * a processor timeout or error is looked up again and its order voided if an approval stands (a
 * slow processor booked it after the vault had given up; when the lookup fails it is voided anyway:
 * repeating voidByOrderId is harmless).
 */
export async function reconcileCharges(
  d: ChargeDeps,
  resume: (c: ChargeRecord) => Promise<unknown>,
): Promise<{ resumed: number; lateVoided: number }> {
  const now = d.now();
  const rows = await d.stores.charges.listForReconcile({
    pendingBefore: now - PENDING_GRACE_MS,
    failedSince: now - LATE_AUTH_WINDOW_MS,
    limit: 100,
  });
  let resumed = 0;
  let lateVoided = 0;
  for (const c of rows) {
    try {
      if (c.status === 'pending') {
        await resume(c);
        resumed++;
        continue;
      }
      const conn = await d.stores.connections.find(c.connectionId);
      if (!conn) continue;
      const creds = d.connections.credentials(conn);
      const found = await d.connector.inquireByOrderid(conn, creds, c.id).catch(() => undefined);
      const late = found === undefined || found.some((t) => t.respstat === 'A' && t.setlstat !== 'Voided');
      if (!late) continue;
      const v = await d.connector.voidByOrderId(conn, creds, c.id);
      if (found !== undefined && v.respstat === 'A') {
        lateVoided++;
        d.logger.warn({ chargeId: c.id }, 'a late authorization for a failed charge was voided');
      }
    } catch (e) {
      d.logger.warn({ chargeId: c.id, err: { message: (e as Error).message } }, 'charge reconciliation failed; the next sweep retries');
    }
  }
  return { resumed, lateVoided };
}
