import { beforeEach, describe, expect, test } from 'vitest';
import { MERCHID, useSim } from './support/sim-client';

const { sim, client } = useSim();
beforeEach(() => sim().ledger.reset());

const put = (endpoint: string, fields: Record<string, string>) => client().put(endpoint, { merchid: MERCHID, ...fields });
const inquire = (retref: string) => client().get(`inquire/${retref}/${MERCHID}`);
const flags = async (retref: string) => {
  const { setlstat, voidable, refundable, amount, capture } = await inquire(retref);
  return { setlstat, voidable, refundable, amount, capture };
};

describe('capture, void, refund and inquire', () => {
  test('auth → inquire → capture → refund in parts, never more than captured', async () => {
    const auth = await client().auth({ amount: '25.00' });
    expect(await flags(auth.retref)).toEqual({ setlstat: 'Authorized', voidable: 'Y', refundable: 'N', amount: '25.00', capture: 'N' });
    expect(await put('refund', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '28', resptext: 'Txn not settled' });

    const captured = await put('capture', { retref: auth.retref, amount: '20.00' });
    expect(captured).toMatchObject({
      respstat: 'A',
      respcode: '00',
      setlstat: 'Queued for Capture',
      amount: '20.00',
      retref: auth.retref,
      batchid: '1001',
      account: auth.account,
    });
    expect(await flags(auth.retref)).toEqual({
      setlstat: 'Queued for Capture',
      voidable: 'Y',
      refundable: 'Y',
      amount: '20.00',
      capture: 'Y',
    });

    const r1 = await put('refund', { retref: auth.retref, amount: '15.00' });
    expect(r1).toMatchObject({ respstat: 'A', respcode: '00', authcode: 'REFUND', respproc: 'PPS', amount: '15.00' });
    expect(r1.retref).toMatch(/^\d{12}$/);
    expect(r1.retref).not.toBe(auth.retref);
    expect(await put('refund', { retref: auth.retref, amount: '5.01' })).toMatchObject({
      respstat: 'C',
      respcode: '43',
      resptext: 'Invalid amount',
    });
    expect(await put('refund', { retref: auth.retref })).toMatchObject({ respstat: 'A', amount: '5.00' }); // the rest
    expect(await put('refund', { retref: auth.retref, amount: '0.01' })).toMatchObject({ respstat: 'C', respcode: '43' });
    expect(await flags(auth.retref)).toMatchObject({ refundable: 'N', voidable: 'N' });
    expect(sim().ledger.get(auth.retref)).toMatchObject({ captured: 2000, refunded: 2000, refunds: [r1.retref, expect.any(String)] });
    expect(await inquire(r1.retref)).toMatchObject({
      amount: '15.00',
      authcode: 'REFUND',
      setlstat: 'Queued for Capture',
      voidable: 'Y',
      refundable: 'N',
    });
  });

  test('a double capture is refused and counted; capturing more than authorized is refused', async () => {
    const auth = await client().auth({ amount: '10.00' });
    expect(await put('capture', { retref: auth.retref, amount: '10.01' })).toMatchObject({ respstat: 'C', respcode: '43' });
    expect(await put('capture', { retref: auth.retref })).toMatchObject({ respstat: 'A', amount: '10.00' });
    expect(await put('capture', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '27', resptext: 'Txn Batched' });
    expect(sim().ledger.get(auth.retref)).toMatchObject({ captured: 1000, captureRequests: 3, setlstat: 'Queued for Capture' });
  });

  test('void after capture (before settlement) voids; again is the same approval; then nothing can be captured or refunded', async () => {
    const auth = await client().auth({ amount: '10.00', capture: 'Y' });
    expect(await flags(auth.retref)).toMatchObject({ setlstat: 'Queued for Capture', capture: 'Y' });
    const voided = await put('void', { retref: auth.retref });
    expect(voided).toMatchObject({ respstat: 'A', respcode: '00', authcode: 'REVERS', amount: '0.00', retref: auth.retref });
    expect(await put('void', { retref: auth.retref })).toEqual(voided);
    expect(await flags(auth.retref)).toMatchObject({ setlstat: 'Voided', voidable: 'N', refundable: 'N' });
    expect(await put('capture', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '29' });
    expect(await put('refund', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '29' });
  });

  test('after settlement: void is refused (27), refund works; a refund can be voided until it settles', async () => {
    const auth = await client().auth({ amount: '40.00', capture: 'Y' });
    expect(await client().admin('POST', 'settle')).toEqual({ batchid: '1001', settled: 1 });
    expect(await flags(auth.retref)).toMatchObject({ setlstat: 'Accepted', voidable: 'N', refundable: 'Y' });
    expect(await put('void', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '27' });
    const r = await put('refund', { retref: auth.retref, amount: '10.00' });
    expect(await inquire(r.retref)).toMatchObject({ batchid: '1002', voidable: 'Y' });
    expect(await put('void', { retref: r.retref })).toMatchObject({ respstat: 'A', authcode: 'REVERS' });
    expect(sim().ledger.get(auth.retref)).toMatchObject({ refunded: 0 });
    expect(await put('refund', { retref: auth.retref })).toMatchObject({ respstat: 'A', amount: '40.00' });
  });

  test('an authorization with refunds cannot be voided (refund the rest instead)', async () => {
    const auth = await client().auth({ amount: '10.00', capture: 'Y' });
    await put('refund', { retref: auth.retref, amount: '1.00' });
    expect(await put('void', { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '27' });
  });

  test('declines, timeouts and verifications are booked but neither capturable, voidable nor refundable', async () => {
    for (const fields of [{ amount: '1116.00' }, { account: '4999006200620062' }, { amount: '0.00' }] as Record<string, string>[]) {
      const auth = await client().auth(fields);
      expect(await flags(auth.retref)).toMatchObject({ voidable: 'N', refundable: 'N' });
      for (const endpoint of ['capture', 'void', 'refund'])
        expect(await put(endpoint, { retref: auth.retref })).toMatchObject({ respstat: 'C', respcode: '29' });
    }
    expect((await flags((await client().auth({ amount: '1116.00' })).retref)).setlstat).toBe('Declined');
    expect((await flags((await client().auth({ amount: '0' })).retref)).setlstat).toBe('Zero Amount');
  });

  test('unknown retref, missing fields, non-string values', async () => {
    expect(await put('capture', { retref: '999999999999' })).toMatchObject({ respstat: 'C', respcode: '29', retref: '999999999999' });
    expect(await inquire('999999999999')).toMatchObject({ respstat: 'C', respcode: '29' });
    expect(await put('void', {})).toMatchObject({ respstat: 'C', respcode: '34' });
    expect(await client().put('refund', { merchid: MERCHID, retref: 123 })).toMatchObject({ respstat: 'C', respcode: '34' });
    const auth = await client().auth({});
    expect(await put('capture', { retref: auth.retref, amount: 'ten' })).toMatchObject({ respstat: 'C', respcode: '43' });
  });
});
