import type { ChargeRecord } from '../../stores/records';
import type { IdempotencyClaim, Outcome } from '../idempotency';
import { chargeEvent, createdEventType, createdResponse } from './auth-outcome';
import { commitCharge, type ChargeDeps } from './charge-context';

/** Commits a pending charge's final creation state with its event and its stored answer. */
export async function finalCharge(
  d: ChargeDeps,
  id: string,
  claim: IdempotencyClaim,
  requestId: string,
  change: (c: ChargeRecord) => ChargeRecord,
): Promise<Outcome> {
  const now = d.now();
  let out: { status: number; body: unknown } | undefined;
  await commitCharge(
    d.stores,
    id,
    (fresh) => {
      if (fresh.status !== 'pending')
        return (
          (out = createdResponse(fresh, requestId)),
          { next: fresh, response: { status: out.status, body: JSON.stringify(out.body) } }
        );
      const next = change(fresh);
      out = createdResponse(next, requestId);
      const type = createdEventType(next);
      return {
        next,
        event: type ? chargeEvent(type, next, now) : undefined,
        response: { status: out.status, body: JSON.stringify(out.body) },
      };
    },
    claim,
  );
  return { ...out!, stored: true };
}
