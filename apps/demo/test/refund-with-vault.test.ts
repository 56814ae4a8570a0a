// POST /api/refund against a real vault (SQLite, ephemeral ports) and a real processor simulator:
// the backend refunds the whole charge through @tokenframe/node, once, however often it is asked.
import { rmSync } from 'node:fs';
import { startProcessorSim, type RunningProcessorSim } from '@tokenframe/processor-sim';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserTokenize, cliJson, liveEnv, startLiveVault } from '../../vault/test/live-vault';
import { createDemoApp, type DemoConfig } from '../src/index';

const env: Record<string, string | undefined> = { ...liveEnv(), TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' };
const ORIGIN = 'http://localhost:5173';
let vault: Awaited<ReturnType<typeof startLiveVault>>;
let sim: RunningProcessorSim;
let config: DemoConfig;
let pk: string;

beforeAll(async () => {
  sim = await startProcessorSim({ port: 0 });
  vault = await startLiveVault(env, []);
  pk = (await cliJson(env, 'keys', 'create', '--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', ORIGIN)).key;
  const sk = (
    await cliJson(
      env,
      'keys',
      'create',
      '--account',
      'shop',
      '--type',
      'secret',
      '--env',
      'test',
      '--scope',
      'charges:read',
      '--scope',
      'charges:write',
    )
  ).key;
  await cliJson(
    env,
    'connections',
    'create',
    '--account',
    'shop',
    '--env',
    'test',
    '--kind',
    'cardpointe',
    '--url',
    sim.url,
    '--merchid',
    '800000000001',
    '--username',
    'testing',
    '--password',
    'testing123',
  );
  config = {
    port: 5173,
    origin: ORIGIN,
    allowedOrigins: [ORIGIN],
    vaultUrl: vault.listening.api,
    framesUrl: vault.listening.frames,
    publishableKey: pk,
    secretKey: sk,
  };
}, 30_000);
afterAll(async () => {
  await vault?.stop();
  await sim?.close();
  rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
});

const app = () => createDemoApp(config, { sdkScript: async () => undefined });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app().request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
const paidCharge = async (): Promise<string> => {
  const token = ((await (await browserTokenize(vault, pk, ORIGIN)).res.json()) as { id: string }).id;
  const res = await post('/api/pay', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { charge: { id: string } }).charge.id;
};
const refundsOf = (chargeId: string) => {
  const auth = sim.ledger.all().find((t) => t.kind === 'auth' && t.orderid === chargeId)!;
  return sim.ledger.all().filter((t) => t.kind === 'refund' && t.parent === auth.retref);
};

test('a paid charge → refunded in full ($75.00): the answer says so and the processor booked one refund', async () => {
  const id = await paidCharge();
  const res = await post('/api/refund', { charge: id });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ charge: { id, status: 'succeeded', currency: 'usd', amountRefunded: 7500, refunded: true } });
  expect(refundsOf(id)).toMatchObject([{ amount: 7500, respstat: 'A' }]);
});

test('two refund requests at once (a double click) and a third later → one refund at the processor, all three answer refunded', async () => {
  const id = await paidCharge();
  const [a, b] = await Promise.all([post('/api/refund', { charge: id }), post('/api/refund', { charge: id })]);
  const c = await post('/api/refund', { charge: id });
  for (const r of [a, b, c]) {
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ charge: { id, amountRefunded: 7500, refunded: true } });
  }
  expect(refundsOf(id)).toHaveLength(1);
});

test('refused before the vault: a foreign origin (403), not JSON (415), extra fields or a malformed id (400); an unknown charge → 404', async () => {
  const id = await paidCharge();
  const before = sim.ledger.all().length;
  expect((await post('/api/refund', { charge: id }, { origin: 'https://evil.example' })).status).toBe(403);
  expect(
    (
      await app().request('/api/refund', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'text/plain' },
        body: JSON.stringify({ charge: id }),
      })
    ).status,
  ).toBe(415);
  expect((await post('/api/refund', { charge: id, amount: 1 })).status).toBe(400);
  expect((await post('/api/refund', { charge: 'ch_../../x' })).status).toBe(400);
  expect((await post('/api/refund', [id])).status).toBe(400);
  expect(sim.ledger.all().length).toBe(before);
  const missing = await post('/api/refund', { charge: 'ch_doesnotexist0000' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { message: 'The shop could not find this payment.' } });
});
