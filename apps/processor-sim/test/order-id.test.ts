import { beforeEach, describe, expect, test } from 'vitest';
import { MERCHID, useSim, type Answer } from './support/sim-client';

const { sim, client } = useSim();
beforeEach(() => sim().ledger.reset());

describe('inquireByOrderid and voidByOrderId', () => {
  test('without /1 the most recent transaction of the order, with /1 all of them oldest first', async () => {
    const declined = await client().auth({ orderid: 'ord-1', amount: '1116.00' });
    const approved = await client().auth({ orderid: 'ord-1', amount: '11.16' });
    await client().auth({ orderid: 'ord-2' });
    expect(await client().get(`inquireByOrderid/ord-1/${MERCHID}`)).toMatchObject({
      retref: approved.retref,
      respstat: 'A',
      orderid: 'ord-1',
      setlstat: 'Authorized',
      voidable: 'Y',
    });
    const all = await client().get<Answer[]>(`inquireByOrderid/ord-1/${MERCHID}/1`);
    expect(all.map((t) => [t.retref, t.respstat])).toEqual([
      [declined.retref, 'C'],
      [approved.retref, 'A'],
    ]);
    expect(await client().get(`inquireByOrderid/nope/${MERCHID}`)).toEqual({
      respproc: 'PPS',
      respstat: 'C',
      respcode: '29',
      resptext: 'Txn not found',
      orderid: 'nope',
    });
    expect(await client().get(`inquireByOrderid/nope/${MERCHID}/1`)).toEqual([]);
  });

  test('voidByOrderId voids every approved authorization of the order, ignores declines, and may be repeated', async () => {
    await client().auth({ orderid: 'ord-3', amount: '1116.00' });
    const a = await client().auth({ orderid: 'ord-3', amount: '5.00' });
    const b = await client().auth({ orderid: 'ord-3', amount: '6.00', capture: 'Y' });
    const first = await client().put('voidByOrderId', { merchid: MERCHID, orderid: 'ord-3' });
    expect(first).toMatchObject({ respstat: 'A', respcode: '00', authcode: 'REVERS', amount: '0.00', retref: b.retref, orderid: 'ord-3' });
    for (let i = 0; i < 2; i++) expect(await client().put('voidByOrderId', { merchid: MERCHID, orderid: 'ord-3' })).toEqual(first);
    expect(
      sim()
        .ledger.byOrderId('ord-3', MERCHID)
        .map((t) => t.setlstat),
    ).toEqual(['Declined', 'Voided', 'Voided']);
    expect(sim().ledger.get(a.retref)?.setlstat).toBe('Voided');
  });

  test('voidByOrderId of an order with only declines, or none, is "Txn not found"', async () => {
    await client().auth({ orderid: 'ord-4', amount: '1116.00' });
    await client().auth({ orderid: 'ord-4', account: '4999006200620062' });
    for (const orderid of ['ord-4', 'never-seen']) {
      expect(await client().put('voidByOrderId', { merchid: MERCHID, orderid })).toMatchObject({ respstat: 'C', respcode: '29', orderid });
    }
    expect(await client().put('voidByOrderId', { merchid: MERCHID })).toMatchObject({ respstat: 'C', respcode: '34' });
  });

  test('a settled order cannot be voided by order id (27): refund it', async () => {
    const a = await client().auth({ orderid: 'ord-5', capture: 'Y' });
    await client().admin('POST', 'settle');
    expect(await client().put('voidByOrderId', { merchid: MERCHID, orderid: 'ord-5' })).toMatchObject({
      respstat: 'C',
      respcode: '27',
      retref: a.retref,
    });
  });
});
