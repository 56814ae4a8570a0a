// tf.charges against a real vault (SQLite, ephemeral ports) charging through a real processor
// simulator over HTTP: create, capture, void, refund, a decline, and one authorization per
// Idempotency-Key, checked in the simulator's own ledger.
import { startProcessorSim, type RunningProcessorSim, type TxnRecord } from '@tokenframe/processor-sim';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Tokenframe,
  TokenframeCardError,
  TokenframeConflictError,
  TokenframeInvalidRequestError,
  TokenframePermissionError,
  type Charge,
} from '../src/index.js';
import { CHARGE_SCOPES, startTestVault, type TestVault } from './support/test-vault.js';

let vault: TestVault;
let sim: RunningProcessorSim;
let tf: Tokenframe;

beforeAll(async () => {
  sim = await startProcessorSim({ port: 0 });
  vault = await startTestVault();
  await vault.connect(sim.url);
  tf = new Tokenframe(await vault.secretKey(CHARGE_SCOPES), { vaultUrl: vault.url });
});
afterAll(async () => {
  await vault?.stop();
  await sim?.close();
});

const txnOf = (c: Charge): TxnRecord | undefined => sim.ledger.all().find((t) => t.retref === c.processor.retref);
const authsFor = (c: Charge): TxnRecord[] => sim.ledger.all().filter((t) => t.kind === 'auth' && t.orderid === c.id);

async function thrown<T extends Error>(p: Promise<unknown>): Promise<T> {
  try {
    await p;
  } catch (e) {
    return e as T;
  }
  throw new Error('resolved, but should have thrown');
}

describe('charges', () => {
  test("create → succeeded with the vault's whole answer; retrieve gives the same; the processor booked it once", async () => {
    const token = await vault.tokenize();
    const ch = await tf.charges.create({ token, amount: 7500, currency: 'usd', orderId: 'order-7500' });
    expect(ch).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      amount: 7500,
      amountAuthorized: 7500,
      amountCaptured: 7500,
      amountRefunded: 0,
      currency: 'usd',
      captured: true,
      refunded: false,
      orderId: 'order-7500',
      token,
      livemode: false,
      card: { brand: 'visa', last4: '4242' },
      failureCode: null,
      processor: { name: 'cardpointe', respcode: '00', resptext: 'Approval' },
    });
    expect(ch.id).toMatch(/^ch_/);
    expect(ch.connection).toMatch(/^conn_/);
    expect(ch.processor.authcode).toMatch(/^PPS/);
    expect(ch.processor.retref).toMatch(/^\d{12}$/);
    expect(JSON.stringify(ch)).not.toContain('4242424242424242');
    expect(await tf.charges.retrieve(ch.id)).toEqual(ch);
    expect(authsFor(ch)).toHaveLength(1);
    expect(txnOf(ch)).toMatchObject({ amount: 7500, captured: 7500, last4: '4242' });
  });

  test('capture: false authorizes; capture part of it, refund part then the rest; the ledger agrees', async () => {
    const token = await vault.tokenize();
    const auth = await tf.charges.create({ token, amount: 4000, currency: 'usd', capture: false });
    expect(auth).toMatchObject({ status: 'authorized', amountAuthorized: 4000, amountCaptured: 0, captured: false });
    const cap = await tf.charges.capture(auth.id, { amount: 3000 });
    expect(cap).toMatchObject({ id: auth.id, status: 'succeeded', amountCaptured: 3000, captured: true });
    const part = await tf.charges.refund(auth.id, { amount: 1000 });
    expect(part).toMatchObject({ amountRefunded: 1000, refunded: false });
    const rest = await tf.charges.refund(auth.id);
    expect(rest).toMatchObject({ amountRefunded: 3000, refunded: true });
    expect(txnOf(auth)).toMatchObject({ captured: 3000, refunded: 3000, captureRequests: 1 });
    const again = await thrown<TokenframeConflictError>(tf.charges.refund(auth.id));
    expect(again).toBeInstanceOf(TokenframeConflictError);
    expect(again).toMatchObject({ status: 409, code: 'charge_invalid_state', retryable: false });
  });

  test('void an authorization → voided, at the processor too; a void of a voided charge is refused', async () => {
    const token = await vault.tokenize();
    const auth = await tf.charges.create({ token, amount: 1500, currency: 'usd', capture: false });
    const voided = await tf.charges.void(auth.id);
    expect(voided).toMatchObject({ id: auth.id, status: 'voided', amountCaptured: 0 });
    expect(txnOf(auth)?.setlstat).toBe('Voided');
    await expect(tf.charges.void(auth.id)).rejects.toMatchObject({ status: 409, code: 'charge_invalid_state' });
  });

  test("$1,116.00 declines: TokenframeCardError with the declined charge, the processor's reason and code", async () => {
    const token = await vault.tokenize();
    const e = await thrown<TokenframeCardError>(tf.charges.create({ token, amount: 111_600, currency: 'usd' }));
    expect(e).toBeInstanceOf(TokenframeCardError);
    expect(e).toMatchObject({ status: 402, type: 'card_error', code: 'card_declined', declineCode: '116', retryable: false });
    expect(e.message).toContain('Insufficient funds');
    expect(e.charge).toMatchObject({
      status: 'declined',
      amount: 111_600,
      amountCaptured: 0,
      failureCode: 'card_declined',
      processor: { respcode: '116', resptext: 'Insufficient funds' },
    });
    expect(authsFor(e.charge!)).toHaveLength(1);
  });

  test('the same idempotencyKey twice (a double-click) → the same charge, one authorization; other params under it → 422', async () => {
    const token = await vault.tokenize();
    const key = `pay-${token}`;
    const [a, b] = await Promise.all([
      tf.charges.create({ token, amount: 2500, currency: 'usd' }, { idempotencyKey: key }),
      tf.charges.create({ token, amount: 2500, currency: 'usd' }, { idempotencyKey: key }),
    ]);
    expect(b).toEqual(a);
    expect(await tf.charges.create({ token, amount: 2500, currency: 'usd' }, { idempotencyKey: key })).toEqual(a);
    expect(authsFor(a)).toHaveLength(1);
    // No other test of this file charges $25.00: one authorization of that amount in all.
    expect(sim.ledger.all().filter((t) => t.kind === 'auth' && t.amount === 2500)).toHaveLength(1);
    const e = await thrown(tf.charges.create({ token, amount: 2600, currency: 'usd' }, { idempotencyKey: key }));
    expect(e).toMatchObject({ status: 422, code: 'idempotency_conflict' });
  });

  test('refused before or by the vault: bad amount (TypeError), unknown charge (404), a key without charges:write (403)', async () => {
    const token = await vault.tokenize();
    await expect(tf.charges.create({ token, amount: 10.5, currency: 'usd' })).rejects.toThrow(TypeError);
    await expect(tf.charges.retrieve('tok_notacharge')).rejects.toThrow(TypeError);
    const missing = await thrown(tf.charges.retrieve('ch_doesnotexist0000'));
    expect(missing).toBeInstanceOf(TokenframeInvalidRequestError);
    expect(missing).toMatchObject({ status: 404, code: 'resource_missing' });
    const readOnly = new Tokenframe(await vault.secretKey(['charges:read']), { vaultUrl: vault.url });
    const denied = await thrown(readOnly.charges.create({ token, amount: 100, currency: 'usd' }));
    expect(denied).toBeInstanceOf(TokenframePermissionError);
    expect(denied).toMatchObject({ status: 403 });
  });
});
