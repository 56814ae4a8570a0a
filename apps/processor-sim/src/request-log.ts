import { isLuhnValid } from '@tokenframe/card';
import { maskAccount } from './mask-account';

/** One request that reached a gateway endpoint, as tests see it: card data masked. */
export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** First path segment after /cardconnect/rest/ ("auth", "inquire", …; "" for the servlet root). */
  endpoint: string;
  /** The JSON body with `account` masked to its last four, CVV and track data replaced by "***". */
  body?: unknown;
  /** The fault applied, as written in the header or armed. */
  fault?: string;
  /** HTTP status answered; "reset" (connection destroyed), "timeout" (held, then destroyed); null while in flight. */
  outcome: number | 'reset' | 'timeout' | null;
}

const KEEP = 10_000;
const SECRET_FIELDS = new Set(['cvv2', 'track', 'pin']);

/** Masks card data anywhere in a body: `account`, any other Luhn-valid 13–19-digit string, CVV/track. */
export function maskBody(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET_FIELDS.has(key)) return '***';
    if (key === 'account' || (/^\d{13,19}$/.test(value) && isLuhnValid(value))) return maskAccount(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => maskBody(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskBody(v, k)]));
  return value;
}

/** The last 10,000 gateway requests, oldest first, for tests to assert what a client sent. */
export class RequestLog {
  #entries: LoggedRequest[] = [];
  #seq = 0;

  start(method: string, path: string, endpoint: string, now: Date): LoggedRequest {
    const entry: LoggedRequest = { seq: ++this.#seq, at: now.toISOString(), method, path, endpoint, outcome: null };
    this.#entries.push(entry);
    if (this.#entries.length > KEEP) this.#entries.shift();
    return entry;
  }

  list(): LoggedRequest[] {
    return this.#entries.map((e) => structuredClone(e));
  }

  clear(): void {
    this.#entries = [];
  }
}
