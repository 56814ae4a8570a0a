// A charge the processor failed, end to end: the library → a recording pass-through proxy → a real
// vault → the real processor simulator, its faults armed through POST /__sim/faults. The vault's
// `error.retryable` decides: false (it already voided and settled the charge) → thrown at once,
// one authorization; true (it could not settle it yet) → retried with the same Idempotency-Key,
// which resumes the charge instead of authorizing again.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startProcessorSim, type LoggedRequest, type RunningProcessorSim } from '@tokenframe/processor-sim';
import { Tokenframe, TokenframeServerError } from '../src/index.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { CHARGE_SCOPES, startTestVault, type TestVault } from './support/test-vault.js';

const SIM_AUTH = `Basic ${Buffer.from('testing:testing123').toString('base64')}`;

let sim: RunningProcessorSim;
let vault: TestVault;
let proxy: FaultProxy;
let tf: Tokenframe;

beforeAll(async () => {
  sim = await startProcessorSim({ port: 0 });
  vault = await startTestVault();
  await vault.connect(sim.url);
  proxy = await startFaultProxy(vault.url);
  tf = new Tokenframe(await vault.secretKey(CHARGE_SCOPES), { vaultUrl: proxy.url });
});
afterEach(async () => {
  proxy.seen.splice(0);
  await fetch(`${sim.url}/__sim/reset`, { method: 'POST', headers: { Authorization: SIM_AUTH } });
});
afterAll(async () => {
  await proxy?.close();
  await vault?.stop();
  await sim?.close();
});

async function arm(fault: string, match: string, count = 1): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/faults`, {
    method: 'POST',
    headers: { Authorization: SIM_AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fault, count, match }),
  });
  if (res.status !== 201) throw new Error(`arm ${fault}: ${res.status} ${await res.text()}`);
}
/** The gateway endpoints the vault called, in order, with what the simulator answered. */
async function simCalls(): Promise<[string, LoggedRequest['outcome']][]> {
  const { requests } = (await (await fetch(`${sim.url}/__sim/requests`, { headers: { Authorization: SIM_AUTH } })).json()) as {
    requests: LoggedRequest[];
  };
  return requests.map((r) => [r.endpoint, r.outcome]);
}
const auths = async () => (await simCalls()).filter(([endpoint]) => endpoint === 'auth');
const keysSeen = () => [...new Set(proxy.seen.map((s) => s.idempotencyKey))];

describe('the vault says retryable: false', () => {
  test('auth answered 500: thrown once, processor_error, not retryable, the failed charge attached; one authorization', async () => {
    const token = await vault.tokenize();
    await arm('status=500', 'auth');
    const e = await tf.charges.create({ token, amount: 1234, currency: 'USD' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenframeServerError);
    expect(e).toMatchObject({ status: 502, code: 'processor_error', retryable: false });
    const charge = (e as TokenframeServerError).charge!;
    expect(charge).toMatchObject({
      object: 'charge',
      status: 'failed',
      failureCode: 'processor_error',
      amount: 1234,
      amountCaptured: 0,
      token,
    });
    expect(charge.id).toMatch(/^ch_/);
    // One attempt reached the vault; the vault made one authorization, then asked and voided by order id.
    expect(proxy.seen.map((s) => [s.method, s.path, s.vaultStatus])).toEqual([['POST', '/v1/charges', 502]]);
    expect(await auths()).toEqual([['auth', 500]]);
    expect((await simCalls()).map(([endpoint]) => endpoint)).toEqual(['auth', 'inquireByOrderid', 'voidByOrderId']);
    expect((await tf.charges.retrieve(charge.id)).status).toBe('failed');
  });

  test('the same Idempotency-Key again by hand replays the stored answer: the same charge, still no second authorization', async () => {
    const token = await vault.tokenize();
    await arm('status=500', 'auth');
    const idempotencyKey = `order-7-${token}`;
    const first = (await tf.charges
      .create({ token, amount: 2500, currency: 'USD' }, { idempotencyKey })
      .catch((x: unknown) => x)) as TokenframeServerError;
    const again = (await tf.charges
      .create({ token, amount: 2500, currency: 'USD' }, { idempotencyKey })
      .catch((x: unknown) => x)) as TokenframeServerError;
    expect(again).toBeInstanceOf(TokenframeServerError);
    expect(again).toMatchObject({ status: 502, code: 'processor_error', retryable: false });
    expect(again.charge?.id).toBe(first.charge?.id);
    expect(proxy.seen).toHaveLength(2);
    expect(keysSeen()).toEqual([idempotencyKey]);
    expect(await auths()).toEqual([['auth', 500]]);
  });

  test('a refund the processor failed (500): thrown once with the charge, not retryable (a refund is never repeated blindly)', async () => {
    const token = await vault.tokenize();
    const paid = await tf.charges.create({ token, amount: 1500, currency: 'USD' });
    expect(paid.status).toBe('succeeded');
    await arm('status=500', 'refund');
    const e = await tf.charges.refund(paid.id).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenframeServerError);
    expect(e).toMatchObject({
      status: 502,
      code: 'processor_error',
      retryable: false,
      charge: { id: paid.id, status: 'succeeded', amountRefunded: 0 },
    });
    expect((await simCalls()).filter(([endpoint]) => endpoint === 'refund')).toEqual([['refund', 500]]);
    expect(proxy.seen.filter((s) => s.path.endsWith('/refund'))).toHaveLength(1);
  });
});

describe('the vault says retryable: true', () => {
  test('auth reset and the processor cannot be asked: 504 pending, retried with the same key, the vault resumes → succeeded, one authorization', async () => {
    const token = await vault.tokenize();
    await arm('accept-then-reset', 'auth');
    await arm('status=500', 'inquireByOrderid');
    await arm('status=500', 'voidByOrderId', 3);
    const charge = await tf.charges.create({ token, amount: 4321, currency: 'USD' });
    expect(charge).toMatchObject({ status: 'succeeded', amountCaptured: 4321 });
    expect(proxy.seen.map((s) => s.vaultStatus)).toEqual([504, 201]);
    expect(keysSeen()).toHaveLength(1);
    expect(keysSeen()[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auths()).toEqual([['auth', 'reset']]);
    expect((await simCalls()).filter(([endpoint]) => endpoint === 'inquireByOrderid')).toEqual([
      ['inquireByOrderid', 500],
      ['inquireByOrderid', 200],
    ]);
  });

  test('still unsettled after every attempt: TokenframeServerError 504, retryable, the pending charge attached; 1 + maxRetries attempts, one key', async () => {
    const token = await vault.tokenize();
    await arm('accept-then-reset', 'auth');
    await arm('status=500', 'inquireByOrderid', 3);
    await arm('status=500', 'voidByOrderId', 9);
    const e = await tf.charges.create({ token, amount: 3100, currency: 'USD' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenframeServerError);
    expect(e).toMatchObject({ status: 504, code: 'processor_timeout', retryable: true, charge: { status: 'pending' } });
    expect(proxy.seen.map((s) => s.vaultStatus)).toEqual([504, 504, 504]);
    expect(keysSeen()).toHaveLength(1);
    expect(await auths()).toHaveLength(1);
  });

  test('a capture answered 500 is retried with the same key (repeating it is safe) and captures once', async () => {
    const token = await vault.tokenize();
    const held = await tf.charges.create({ token, amount: 900, currency: 'USD', capture: false });
    expect(held.status).toBe('authorized');
    await arm('status=500', 'capture');
    expect(await tf.charges.capture(held.id)).toMatchObject({ id: held.id, status: 'succeeded', amountCaptured: 900 });
    const captures = proxy.seen.filter((s) => s.path.endsWith('/capture'));
    expect(captures.map((s) => s.vaultStatus)).toEqual([502, 200]);
    expect(new Set(captures.map((s) => s.idempotencyKey)).size).toBe(1);
    expect((await simCalls()).filter(([endpoint]) => endpoint === 'capture')).toEqual([
      ['capture', 500],
      ['capture', 200],
    ]);
  });
});
