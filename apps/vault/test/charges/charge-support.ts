import { randomUUID } from 'node:crypto';
import { startProcessorSim, type RunningProcessorSim } from '@tokenframe/processor-sim';
import { makeHarness, SHOP, type Harness } from '../harness';

export const SIM_AUTH = `Basic ${Buffer.from('testing:testing123').toString('base64')}`;
export const CHARGE_SCOPES = ['--scope', 'charges:read', '--scope', 'charges:write', '--scope', 'tokens:read'];

export interface ChargeWorld {
  h: Harness;
  sim: RunningProcessorSim;
  pk: string;
  sk: string;
  connection: string;
  /** Tokenizes a test card (default 4242…, CVC 123) and returns the token id. */
  token(
    card?: { pan?: string; cvc?: string; expMonth?: number; expYear?: number; name?: string; postal?: string },
    pkey?: string,
  ): Promise<string>;
  post(path: string, body: unknown, o?: { sk?: string; idem?: string | null; fault?: string }): Promise<Response>;
  get(path: string, sk?: string): Promise<Response>;
  simGet<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A vault (in-process, SQLite unless `env` names PostgreSQL) with account "shop", keys, and a test
 * connection to a real processor simulator on an ephemeral port. `X-Sim-Fault` reaches the
 * simulator through the connection: the tests arm faults with POST /__sim/faults instead.
 */
export async function chargeWorld(env: Record<string, string | undefined> = {}): Promise<ChargeWorld> {
  const sim = await startProcessorSim({ port: 0 });
  const h = await makeHarness({ TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1', TOKENFRAME_PROCESSOR_TIMEOUT_MS: '1500', ...env });
  const pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...CHARGE_SCOPES)).key;
  const made = await h.vault.connections.create({
    account: 'shop',
    env: 'test',
    kind: 'cardpointe',
    url: sim.url,
    merchid: '800000000001',
    username: 'testing',
    password: 'testing123',
  });
  if (!made.ok) throw new Error(made.message);
  return {
    h,
    sim,
    pk,
    sk,
    connection: made.value.id,
    async token(card = {}, pkey = pk) {
      const sid = await h.session(pkey);
      const res = await h.tokenize(
        pkey,
        await h.seal({
          pk: pkey,
          sid,
          pan: card.pan ?? '4242424242424242',
          cvc: card.cvc ?? '123',
          ...(card.expMonth ? { expMonth: card.expMonth } : {}),
          ...(card.expYear ? { expYear: card.expYear } : {}),
          ...(card.name ? { name: card.name } : {}),
          ...(card.postal ? { postal: card.postal } : {}),
        }),
      );
      if (res.status !== 201) throw new Error(`tokenize: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    post(path, body, o = {}) {
      const idem = o.idem === undefined ? randomUUID() : o.idem;
      return Promise.resolve(
        h.api.request(path, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${o.sk ?? sk}`,
            'Content-Type': 'application/json',
            ...(idem === null ? {} : { 'Idempotency-Key': idem }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    },
    get(path, key = sk) {
      return Promise.resolve(h.api.request(path, { headers: { Authorization: `Bearer ${key}` } }));
    },
    async simGet<T>(path: string) {
      const res = await fetch(`${sim.url}${path}`, { headers: { Authorization: SIM_AUTH } });
      return (await res.json()) as T;
    },
    async close() {
      await h.close();
      await sim.close();
    },
  };
}

export async function armFault(w: ChargeWorld, fault: string, match = 'auth', count = 1): Promise<void> {
  const res = await fetch(`${w.sim.url}/__sim/faults`, {
    method: 'POST',
    headers: { Authorization: SIM_AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fault, count, match }),
  });
  if (res.status !== 201) throw new Error(`arm: ${res.status} ${await res.text()}`);
}
