import type { EventRecord } from '../stores/records';

/** The body of every delivery: `{id, type, createdAt, livemode, data}` (the event as recorded; data holds ids, brand, last4). */
export const webhookPayload = (e: EventRecord): string =>
  JSON.stringify({ id: e.id, type: e.type, createdAt: e.createdAt, livemode: e.livemode, data: e.data });
