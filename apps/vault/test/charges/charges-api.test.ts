import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TxnRecord } from '@tokenframe/processor-sim';
import { freshPgSchema, type PgSchema } from '../support/services';
import { armFault, chargeWorld, type ChargeWorld } from './charge-support';

describe.each(['sqlite', 'postgres'])('charges against the processor simulator (%s)', (backend) => {
  let w: ChargeWorld;
  let pg: PgSchema | undefined;
  beforeAll(async () => {
    pg = backend === 'postgres' ? await freshPgSchema() : undefined;
    w = await chargeWorld(pg?.env ?? {});
  });
  afterAll(async () => {
    await w.close();
    await pg?.drop();
  });

  type Charge = Record<string, unknown> & { id: string; status: string; processor: Record<string, string> };
  const ledger = async () => (await w.simGet<{ transactions: TxnRecord[] }>('/__sim/ledger')).transactions;

  describe('POST /v1/charges and its actions', () => {
    test('a token becomes money: 201 with the charge; the processor got the card, the merchant never sees it', async () => {
      const token = await w.token({ cvc: '112', postal: '10001', name: 'Ada Lovelace' });
      const res = await w.post('/v1/charges', { token, amount: 2500, currency: 'usd', orderId: 'order-1' });
      expect(res.status).toBe(201);
      const ch = (await res.json()) as Charge;
      expect(ch).toMatchObject({
        object: 'charge',
        status: 'succeeded',
        amount: 2500,
        amountAuthorized: 2500,
        amountCaptured: 2500,
        amountRefunded: 0,
        currency: 'usd',
        captured: true,
        refunded: false,
        orderId: 'order-1',
        token,
        connection: w.connection,
        livemode: false,
        card: { brand: 'visa', last4: '4242' },
        failureCode: null,
      });
      expect(ch.id).toMatch(/^ch_[A-Za-z0-9]{16}$/);
      expect(ch.processor).toMatchObject({ name: 'cardpointe', respcode: '00', resptext: 'Approval', cvvresp: 'M' });
      expect(ch.processor.authcode).toMatch(/^PPS/);
      expect(ch.processor.retref).toMatch(/^\d{12}$/);
      expect(JSON.stringify(ch)).not.toMatch(/4242424242424242|424242424242|9\d{15}/);
      const txn = (await ledger()).find((t) => t.retref === ch.processor.retref)!;
      expect(txn).toMatchObject({ orderid: ch.id, amount: 2500, captured: 2500, last4: '4242', cvvresp: 'M' });
      const got = await w.get(`/v1/charges/${ch.id}`);
      expect(got.status).toBe(200);
      expect(await got.json()).toEqual(ch);
      // The CVC was used once: it is gone from the token.
      expect(((await (await w.get(`/v1/tokens/${token}`)).json()) as { cvcPresent: boolean }).cvcPresent).toBe(false);
    });

    test.each([
      [111600, '116', 'Insufficient funds'],
      [110000, '100', 'Do not honor'],
    ])('amount %i declines with %s: 402 card_declined with the charge, event charge.declined', async (amount, code, text) => {
      const token = await w.token();
      const res = await w.post('/v1/charges', { token, amount, currency: 'usd' });
      expect(res.status).toBe(402);
      const body = (await res.json()) as { error: Record<string, unknown>; charge: Charge };
      expect(body.error).toMatchObject({ type: 'card_error', code: 'card_declined', declineCode: code });
      expect(body.error.message).toContain(text);
      expect(body.charge).toMatchObject({
        status: 'declined',
        amountCaptured: 0,
        failureCode: 'card_declined',
        processor: { respcode: code },
      });
      const events = (
        await w.h.vault.stores.events.list((await w.h.vault.keys.account('shop'))!.id, { livemode: false, limit: 50 })
      ).filter((e) => e.data.chargeId === body.charge.id);
      expect(events.map((e) => e.type)).toEqual(['charge.declined']);
    });

    test('capture: false authorizes; capture, then refund in two parts; events in order', async () => {
      const token = await w.token();
      const auth = (await (await w.post('/v1/charges', { token, amount: 4000, currency: 'usd', capture: false })).json()) as Charge;
      expect(auth).toMatchObject({ status: 'authorized', amountAuthorized: 4000, amountCaptured: 0, captured: false });
      const cap = await w.post(`/v1/charges/${auth.id}/capture`, { amount: 3000 });
      expect(cap.status).toBe(200);
      expect(await cap.json()).toMatchObject({ status: 'succeeded', amountCaptured: 3000, captured: true });
      expect((await w.post(`/v1/charges/${auth.id}/capture`, {})).status).toBe(409);
      const r1 = (await (await w.post(`/v1/charges/${auth.id}/refund`, { amount: 1000 })).json()) as Charge;
      expect(r1).toMatchObject({ amountRefunded: 1000, refunded: false, status: 'succeeded' });
      const over = await w.post(`/v1/charges/${auth.id}/refund`, { amount: 2001 });
      expect(over.status).toBe(400);
      const r2 = (await (await w.post(`/v1/charges/${auth.id}/refund`, undefined)).json()) as Charge;
      expect(r2).toMatchObject({ amountRefunded: 3000, refunded: true });
      expect((await w.post(`/v1/charges/${auth.id}/void`, undefined)).status).toBe(409);
      const txn = (await ledger()).find((t) => t.retref === auth.processor.retref)!;
      expect(txn).toMatchObject({ captured: 3000, refunded: 3000, captureRequests: 1 });
      const acct = (await w.h.vault.keys.account('shop'))!.id;
      const types = (await w.h.vault.stores.events.list(acct, { livemode: false, limit: 100 }))
        .filter((e) => e.data.chargeId === auth.id)
        .map((e) => e.type)
        .sort();
      expect(types).toEqual(['charge.captured', 'charge.refunded', 'charge.refunded', 'charge.succeeded']);
    });

    test('a partial approval is voided and declined (partial_approval); a processor "retry" (respstat B) is declined try_again_later', async () => {
      const partial = await w.post('/v1/charges', { token: await w.token({ pan: '4387750101010101' }), amount: 1000, currency: 'usd' });
      expect(partial.status).toBe(402);
      const p = (await partial.json()) as { error: Record<string, unknown>; charge: Charge };
      expect(p.charge).toMatchObject({ status: 'declined', failureCode: 'partial_approval', amountCaptured: 0 });
      expect((await ledger()).find((t) => t.retref === p.charge.processor.retref)?.setlstat).toBe('Voided');
      const retry = await w.post('/v1/charges', { token: await w.token({ pan: '4999006200620062' }), amount: 1000, currency: 'usd' });
      expect(retry.status).toBe(402);
      expect(((await retry.json()) as { charge: Charge }).charge).toMatchObject({
        status: 'declined',
        failureCode: 'try_again_later',
        processor: { respcode: '62' },
      });
    });

    test('a duplicate while the first is still at the processor is 409 idempotency_in_flight, and only one authorization is made', async () => {
      const token = await w.token();
      await armFault(w, 'delay=300', 'auth');
      const body = { token, amount: 321, currency: 'usd' };
      const first = w.post('/v1/charges', body, { idem: 'in-flight-1' });
      await new Promise((r) => setTimeout(r, 100));
      const second = await w.post('/v1/charges', body, { idem: 'in-flight-1' });
      expect([second.status, ((await second.json()) as { error: { code: string } }).error.code]).toEqual([409, 'idempotency_in_flight']);
      const ch = (await (await first).json()) as Charge;
      expect(ch.status).toBe('succeeded');
      expect((await ledger()).filter((t) => t.orderid === ch.id)).toHaveLength(1);
    });

    test('void an authorization', async () => {
      const token = await w.token();
      const auth = (await (await w.post('/v1/charges', { token, amount: 1500, currency: 'usd', capture: false })).json()) as Charge;
      const v = await w.post(`/v1/charges/${auth.id}/void`, undefined);
      expect(v.status).toBe(200);
      expect(await v.json()).toMatchObject({ status: 'voided' });
      expect((await ledger()).find((t) => t.retref === auth.processor.retref)?.setlstat).toBe('Voided');
    });

    test('same Idempotency-Key + same body replays the stored charge (no second authorization); another body is 422', async () => {
      const token = await w.token();
      const before = (await ledger()).length;
      const a = await w.post('/v1/charges', { token, amount: 700, currency: 'usd' }, { idem: 'pay-once-1' });
      const b = await w.post('/v1/charges', { token, amount: 700, currency: 'usd' }, { idem: 'pay-once-1' });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await b.json()).toEqual(await a.json());
      expect((await ledger()).length).toBe(before + 1);
      expect((await w.post('/v1/charges', { token, amount: 701, currency: 'usd' }, { idem: 'pay-once-1' })).status).toBe(422);
    });
  });
});
