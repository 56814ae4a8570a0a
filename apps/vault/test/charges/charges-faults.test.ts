import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LoggedRequest, TxnRecord } from '@tokenframe/processor-sim';
import { freshPgSchema, type PgSchema } from '../support/services';
import { armFault, chargeWorld, SIM_AUTH, type ChargeWorld } from './charge-support';

type Charge = { id: string; status: string; amountCaptured: number; failureCode: string | null; processor: { retref: string } };
type Answer = { status: number; charge: Charge; retryable?: boolean; code?: string };

const BACKENDS: [string, () => Promise<PgSchema | undefined>][] = [
  ['sqlite', async () => undefined],
  ['postgres', () => freshPgSchema()],
];

describe.each(BACKENDS)('charges under processor faults (%s)', (_name, schema) => {
  let w: ChargeWorld;
  let pg: PgSchema | undefined;
  beforeAll(async () => {
    pg = await schema();
    w = await chargeWorld({ TOKENFRAME_PROCESSOR_TIMEOUT_MS: '400', ...(pg?.env ?? {}) });
  });
  afterAll(async () => {
    await w.close();
    await pg?.drop();
  });

  const ledger = async () => (await w.simGet<{ transactions: TxnRecord[] }>('/__sim/ledger')).transactions;
  const requests = async () => (await w.simGet<{ requests: LoggedRequest[] }>('/__sim/requests')).requests;
  const auths = async (orderid: string) => (await ledger()).filter((t) => t.kind === 'auth' && t.orderid === orderid);
  const charge = async (body: Record<string, unknown>, idem = randomUUID()): Promise<Answer> => {
    const res = await w.post('/v1/charges', body, { idem });
    const json = (await res.json()) as Charge & { charge?: Charge; error?: { retryable?: boolean; code: string } };
    return {
      status: res.status,
      charge: json.charge ?? json,
      ...(json.error ? { retryable: json.error.retryable, code: json.error.code } : {}),
    };
  };

  test('accept-then-timeout: the answer is lost, inquireByOrderid finds the approval, 201 succeeded, one authorization', async () => {
    const token = await w.token();
    await armFault(w, 'accept-then-timeout');
    const a = await charge({ token, amount: 1234, currency: 'usd' });
    expect(a).toMatchObject({ status: 201, charge: { status: 'succeeded', amountCaptured: 1234 } });
    expect((await auths(a.charge.id)).map((t) => [t.respstat, t.captured])).toEqual([['A', 1234]]);
  });

  test('502 before handling: nothing booked, voidByOrderId confirms, 502 processor_error; the replay is the stored answer, no second authorization', async () => {
    const token = await w.token();
    await armFault(w, 'status=502');
    const idem = randomUUID();
    const a = await charge({ token, amount: 999, currency: 'usd' }, idem);
    expect(a).toMatchObject({
      status: 502,
      code: 'processor_error',
      retryable: false,
      charge: { status: 'failed', failureCode: 'processor_error' },
    });
    const authsBefore = (await requests()).filter((r) => r.endpoint === 'auth').length;
    const b = await charge({ token, amount: 999, currency: 'usd' }, idem);
    expect(b).toEqual(a);
    expect((await requests()).filter((r) => r.endpoint === 'auth').length).toBe(authsBefore);
    expect(
      (await requests()).some(
        (r) => r.endpoint === 'voidByOrderId' && (r.body as { orderid?: string } | undefined)?.orderid === a.charge.id,
      ),
    ).toBe(true);
    expect(await auths(a.charge.id)).toEqual([]);
  });

  test('reset, and the processor cannot be asked: 504 retryable pending; the same Idempotency-Key resumes (never re-authorizes) and ends final', async () => {
    const token = await w.token();
    await armFault(w, 'accept-then-reset');
    await armFault(w, 'status=500', 'inquireByOrderid');
    await armFault(w, 'status=500', 'voidByOrderId', 3);
    const idem = randomUUID();
    const a = await charge({ token, amount: 4321, currency: 'usd' }, idem);
    expect(a).toMatchObject({ status: 504, code: 'processor_timeout', retryable: true, charge: { status: 'pending' } });
    const authsBefore = (await requests()).filter((r) => r.endpoint === 'auth').length;
    const b = await charge({ token, amount: 4321, currency: 'usd' }, idem);
    expect(b).toMatchObject({ status: 201, charge: { id: a.charge.id, status: 'succeeded', amountCaptured: 4321 } });
    expect((await requests()).filter((r) => r.endpoint === 'auth').length).toBe(authsBefore);
    expect((await auths(a.charge.id)).length).toBe(1);
  });

  test('a lost capture answer is settled by inquire: captured once', async () => {
    const token = await w.token();
    const a = await charge({ token, amount: 800, currency: 'usd', capture: false });
    await armFault(w, 'accept-then-timeout', 'capture');
    const res = await w.post(`/v1/charges/${a.charge.id}/capture`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'succeeded', amountCaptured: 800 });
    expect((await auths(a.charge.id)).map((t) => [t.captured, t.captureRequests])).toEqual([[800, 1]]);
  });

  test('reconciliation: a processor that books the authorization after the vault gave up is voided by the sweep', async () => {
    const token = await w.token();
    await armFault(w, 'delay=900', 'auth');
    const a = await charge({ token, amount: 555, currency: 'usd' });
    expect(a).toMatchObject({ status: 504, code: 'processor_timeout', retryable: false, charge: { status: 'failed' } });
    await new Promise((r) => setTimeout(r, 900));
    const standing = async () => (await auths(a.charge.id)).filter((t) => t.respstat === 'A' && t.setlstat !== 'Voided');
    expect((await standing()).length).toBe(1); // booked late: money behind a failed charge, until the sweep
    expect(await w.h.vault.charges.reconcile()).toMatchObject({ lateVoided: 1 });
    expect(await standing()).toEqual([]);
    expect(await w.h.vault.charges.reconcile()).toMatchObject({ lateVoided: 0 });
  });

  test('reconciliation: a charge left pending is resumed by the sweep; the same Idempotency-Key then replays the final answer', async () => {
    const token = await w.token();
    await armFault(w, 'accept-then-reset');
    await armFault(w, 'status=500', 'inquireByOrderid');
    await armFault(w, 'status=500', 'voidByOrderId', 3);
    const idem = randomUUID();
    const a = await charge({ token, amount: 678, currency: 'usd' }, idem);
    expect(a).toMatchObject({ status: 504, retryable: true, charge: { status: 'pending' } });
    expect(await w.h.vault.charges.reconcile()).toMatchObject({ resumed: 0 }); // too young: its request may still be running
    w.h.clock.now = Date.now() + 3 * 60_000;
    try {
      expect(await w.h.vault.charges.reconcile()).toMatchObject({ resumed: 1 });
    } finally {
      w.h.clock.now = Date.now();
    }
    const b = await charge({ token, amount: 678, currency: 'usd' }, idem);
    expect(b).toMatchObject({ status: 201, charge: { id: a.charge.id, status: 'succeeded' } });
    expect((await auths(a.charge.id)).length).toBe(1);
  });

  test('200 charges with random faults: 0 duplicate captures, every succeeded charge is in the ledger, nothing left pending, no money behind a failed charge', async () => {
    const faults = [
      '',
      '',
      '',
      '',
      'status=500',
      'status=502',
      'reset',
      'accept-then-reset',
      'accept-then-timeout',
      'delay=30',
      'delay=20, status=503',
    ];
    const tokens = await Promise.all(Array.from({ length: 20 }, () => w.token()));
    const results: Answer[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 200) {
        const i = next++;
        const fault = faults[Math.floor(Math.random() * faults.length)]!;
        if (fault) await armFault(w, fault, 'auth');
        if (Math.random() < 0.1) await armFault(w, Math.random() < 0.5 ? 'status=500' : 'reset', 'inquireByOrderid');
        const idem = randomUUID();
        const body = { token: tokens[i % tokens.length]!, amount: 100 + i, currency: 'usd' };
        let a = await charge(body, idem);
        for (let retry = 0; a.retryable && retry < 5; retry++) a = await charge(body, idem);
        results.push(a);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await fetch(`${w.sim.url}/__sim/faults`, { method: 'DELETE', headers: { Authorization: SIM_AUTH } });
    const txns = await ledger();
    const byOrder = new Map<string, TxnRecord[]>();
    for (const t of txns) if (t.kind === 'auth') byOrder.set(t.orderid, [...(byOrder.get(t.orderid) ?? []), t]);
    const standing = (id: string) => (byOrder.get(id) ?? []).filter((t) => t.respstat === 'A' && t.setlstat !== 'Voided');
    const counts: Record<string, number> = {};
    for (const r of results) counts[`${r.status} ${r.charge.status}`] = (counts[`${r.status} ${r.charge.status}`] ?? 0) + 1;
    const duplicateCaptures = [...byOrder.values()].filter(
      (ts) => ts.filter((t) => t.captured > 0 && t.setlstat !== 'Voided').length > 1 || ts.some((t) => t.captured > t.amount),
    ).length;
    const lostSucceeded = results.filter(
      (r) =>
        r.charge.status === 'succeeded' &&
        !standing(r.charge.id).some((t) => t.captured === r.charge.amountCaptured && t.retref === r.charge.processor.retref),
    ).length;
    const moneyBehindFailures = results.filter((r) => r.charge.status !== 'succeeded' && standing(r.charge.id).length > 0).length;
    console.warn(
      `fault run (${_name}): ${JSON.stringify(counts)}, duplicateCaptures=${duplicateCaptures}, lostSucceeded=${lostSucceeded}, moneyBehindFailures=${moneyBehindFailures}`,
    );
    expect(results).toHaveLength(200);
    expect(duplicateCaptures).toBe(0);
    expect(lostSucceeded).toBe(0);
    expect(moneyBehindFailures).toBe(0);
    expect(results.filter((r) => r.charge.status === 'pending')).toEqual([]);
    expect(results.filter((r) => r.charge.status === 'succeeded').length).toBeGreaterThan(100);
  }, 120_000);
});
