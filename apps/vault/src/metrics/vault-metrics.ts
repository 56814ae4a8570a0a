import type { PurgeCounts } from '../stores/records';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
type Labels = Record<string, string>;

const labelText = (l: Labels): string => {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

/**
 * This process's counters in the Prometheus text format (one scrape target per process; sum in
 * Prometheus). Label values come from fixed sets (route templates, error codes), never from
 * request input, so cardinality stays bounded.
 */
export class VaultMetrics {
  readonly #counters = new Map<string, { help: string; values: Map<string, number> }>();
  readonly #histogram = new Map<string, { buckets: number[]; sum: number; count: number }>();

  constructor() {
    this.#define('tokenframe_http_requests_total', 'API requests by method, route template and status.');
    this.#define('tokenframe_tokenize_total', 'POST /v1/tokens outcomes: created, idempotent_replay, or the error code.');
    this.#define('tokenframe_rate_limit_hits_total', 'Requests refused by a rate limit, by limit name.');
    this.#define('tokenframe_card_testing_suspected_total', 'Card-testing bursts detected, by scope (bin, ip, bin_last4).');
    this.#define('tokenframe_purged_total', 'Rows removed by the purge sweep, by kind.');
    this.#define('tokenframe_cvc_key_generations_shredded_total', 'CVC key generations destroyed by the purge sweep (crypto-shredding).');
    this.#define(
      'tokenframe_cvc_unreadable_total',
      'CVCs within their TTL whose key generation was gone (lost with a Redis or memory-only restart).',
    );
  }

  #define(name: string, help: string): void {
    this.#counters.set(name, { help, values: new Map() });
  }
  #inc(name: string, labels: Labels, by = 1): void {
    const c = this.#counters.get(name)!;
    const key = labelText(labels);
    c.values.set(key, (c.values.get(key) ?? 0) + by);
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.#inc('tokenframe_http_requests_total', { method, route, status: String(status) });
    let h = this.#histogram.get(route);
    if (!h) this.#histogram.set(route, (h = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.buckets[i]!++;
    });
    h.sum += seconds;
    h.count++;
  }
  tokenize(outcome: string): void {
    this.#inc('tokenframe_tokenize_total', { outcome });
  }
  rateLimitHit(limit: string): void {
    this.#inc('tokenframe_rate_limit_hits_total', { limit });
  }
  cardTesting(scope: string): void {
    this.#inc('tokenframe_card_testing_suspected_total', { scope });
  }
  cvcShredded(n: number): void {
    if (n > 0) this.#inc('tokenframe_cvc_key_generations_shredded_total', {}, n);
  }
  cvcUnreadable(): void {
    this.#inc('tokenframe_cvc_unreadable_total', {});
  }
  purged(counts: PurgeCounts): void {
    for (const [kind, n] of Object.entries(counts)) if (n > 0) this.#inc('tokenframe_purged_total', { kind }, n);
  }

  render(): string {
    const out: string[] = [];
    for (const [name, c] of this.#counters) {
      out.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [labels, v] of c.values) out.push(`${name}${labels} ${v}`);
    }
    const h = 'tokenframe_http_request_duration_seconds';
    out.push(`# HELP ${h} API request latency by route template.`, `# TYPE ${h} histogram`);
    for (const [route, v] of this.#histogram) {
      BUCKETS.forEach((b, i) => out.push(`${h}_bucket${labelText({ route, le: String(b) })} ${v.buckets[i]}`));
      out.push(
        `${h}_bucket${labelText({ route, le: '+Inf' })} ${v.count}`,
        `${h}_sum${labelText({ route })} ${v.sum}`,
        `${h}_count${labelText({ route })} ${v.count}`,
      );
    }
    return `${out.join('\n')}\n`;
  }
}
