// Both "spend" budgets for bench/src/run.ts and bench/spend.ts: charge {ms, floorMs, ratio} and
// webhooks {p50Ms, p95Ms, perSec} (+ webhooks.postgres). Every vault, simulator and receiver here
// runs in this process except the webhook receiver (a child process, killed in a finally and on
// exit), so a failed measurement leaves nothing behind.
import { measureChargeLatency, type ChargeLatency } from './charge-latency';
import { measureWebhookDelivery, type WebhookDelivery } from './webhook-delivery';

export interface Spend {
  charge: ChargeLatency;
  webhooks: WebhookDelivery & { postgres?: WebhookDelivery };
}

export async function measureSpend(o: { quick: boolean; postgres: boolean }): Promise<Spend> {
  const charge = await measureChargeLatency({ runs: o.quick ? 60 : 200, warmup: 20 });
  const wh = { runs: o.quick ? 40 : 100, warmup: 10, endpoints: 10, events: 200, bursts: o.quick ? 2 : 3 };
  const sqlite = await measureWebhookDelivery({ ...wh, backend: 'sqlite' });
  const postgres = o.postgres ? await measureWebhookDelivery({ ...wh, backend: 'postgres' }) : undefined;
  return { charge, webhooks: { ...sqlite, ...(postgres ? { postgres } : {}) } };
}
