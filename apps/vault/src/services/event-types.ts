/**
 * Every event type the vault records (DESIGN.md "Webhooks"); endpoints subscribe to these or `*`.
 * `charge.*` are recorded by the charges code through the same EventStore.
 */
export const EVENT_TYPES = [
  'token.created',
  'token.deleted',
  'token.expired',
  'token.revealed',
  'charge.succeeded',
  'charge.declined',
  'charge.captured',
  'charge.voided',
  'charge.refunded',
  'card_testing.suspected',
  'key.rolled',
  'key.revoked',
  'webhook_endpoint.disabled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Old names still accepted as `?type=` filters. */
export const EVENT_TYPE_ALIASES: Record<string, EventType> = { card_testing_suspected: 'card_testing.suspected' };

/** What an endpoint may subscribe to: every type but `token.revealed` (audit-only, never sent). */
export const SUBSCRIBABLE_TYPES = EVENT_TYPES.filter((t) => t !== 'token.revealed');
