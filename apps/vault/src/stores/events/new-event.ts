import { randomBytes } from 'node:crypto';
import type { EventRecord } from '../records';

/**
 * An event to record (and send as a webhook). `data` carries ids, brand and last4 at most: never a
 * card number, CVC, middle digits or fingerprint (checked by test/webhooks/webhook-payload.test.ts).
 */
export const newEvent = (
  type: string,
  about: { accountId: string; livemode: boolean },
  data: Record<string, unknown>,
  at: number,
): EventRecord => ({
  id: `evt_${randomBytes(12).toString('base64url')}`,
  accountId: about.accountId,
  livemode: about.livemode,
  type,
  createdAt: at,
  data,
});
