import { fullJitterSchedule } from '../../src/services/webhook-schedule';
import { makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { freshPgSchema } from '../support/services';
import { startReceiver, type Receiver } from './receiver';

/** A compressed schedule: every retry 40 ms later (jitter pinned to the full delay). */
export const FAST_SCHEDULE = fullJitterSchedule(Array(8).fill(40) as number[], () => 1);
export const WEBHOOK_SCOPES = ['webhooks:read', 'webhooks:write', 'events:read', 'tokens:read', 'tokens:delete'];

export interface WebhookFixture {
  h: Harness;
  receiver: Receiver;
  pk: string;
  sk: string;
  /** POST /v1/webhook_endpoints for a path of the receiver. */
  endpoint(path: string, events?: string[], sk?: string): Promise<{ id: string; secret: string; url: string }>;
  tokenize(): Promise<string>;
  /** Moves the vault's clock (schedules, expiries) forward. */
  shift(ms: number): void;
  call(method: string, path: string, body?: unknown, sk?: string): Promise<Response>;
  close(): Promise<void>;
}

export type Backend = 'sqlite' | 'postgres';

/** A vault (SQLite, or PostgreSQL on a fresh schema) whose clock is real time, with a receiver and keys. */
export async function webhookFixture(backend: Backend, env: Record<string, string> = {}): Promise<WebhookFixture> {
  const pg = backend === 'postgres' ? await freshPgSchema() : undefined;
  const h = await makeHarness(
    { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1', TOKENFRAME_WEBHOOK_POLL_MS: '20', ...pg?.env, ...env },
    { webhookSchedule: FAST_SCHEDULE, webhookTimeoutMs: 400 },
  );
  let offset = 0;
  Object.defineProperty(h.clock, 'now', { get: () => Date.now() + offset });
  const receiver = await startReceiver();
  const pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...WEBHOOK_SCOPES.flatMap((s) => ['--scope', s]))).key;
  const call = (method: string, path: string, body?: unknown, key = sk) =>
    Promise.resolve(
      h.api.request(path, {
        method,
        headers: { ...secretHeaders(key), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  return {
    h,
    receiver,
    pk,
    sk,
    call,
    shift: (ms) => void (offset += ms),
    async endpoint(path, events = ['token.created'], key = sk) {
      const res = await call('POST', '/v1/webhook_endpoints', { url: `http://127.0.0.1:${receiver.port}${path}`, events }, key);
      if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; secret: string; url: string };
    },
    async tokenize() {
      const sid = await h.session(pk);
      const res = await h.tokenize(pk, await h.seal({ pk, sid }));
      if (res.status !== 201) throw new Error(`tokenize: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async close() {
      await h.close();
      await receiver.close();
      await pg?.drop();
    },
  };
}
