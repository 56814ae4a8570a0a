import { beforeEach, describe, expect, test } from 'vitest';
import { startProcessorSim } from '../src/index';
import { MERCHID, SimClient, useSim, type Answer } from './support/sim-client';

const { sim, client } = useSim();
beforeEach(async () => {
  await client().admin('POST', 'reset');
});

const AUTH = { merchid: MERCHID, account: '4111111111111111', expiry: '1249', amount: '10.00' };
const authWith = (fault: string, fields: Record<string, string> = {}, signal?: AbortSignal) =>
  client().call('PUT', '/cardconnect/rest/auth', { ...AUTH, ...fields }, { 'X-Sim-Fault': fault }, signal);
const lastLogged = () => sim().requests.list().at(-1);

describe('fault switches', () => {
  test('are off by default: nothing armed, answers come at once', async () => {
    expect(await client().admin('GET', 'faults')).toEqual({ faults: [] });
    const started = Date.now();
    expect(await client().auth({})).toMatchObject({ respstat: 'A' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('delay=N answers normally after N ms', async () => {
    const started = Date.now();
    const res = await authWith('delay=300');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await res.json()).toMatchObject({ respstat: 'A' });
    expect(lastLogged()).toMatchObject({ fault: 'delay=300', outcome: 200 });
  });

  test.each([500, 502, 503])('status=%i answers that status before handling: nothing booked', async (status) => {
    const res = await authWith(`status=${status}`, { orderid: `s-${status}` });
    expect(res.status).toBe(status);
    await res.text();
    expect(sim().ledger.all()).toEqual([]);
    expect(lastLogged()).toMatchObject({ endpoint: 'auth', fault: `status=${status}`, outcome: status });
  });

  test('reset destroys the connection before handling: the client sees a network error, nothing booked', async () => {
    await expect(authWith('reset')).rejects.toThrow();
    expect(sim().ledger.all()).toEqual([]);
    expect(lastLogged()).toMatchObject({ fault: 'reset', outcome: 'reset' });
  });

  test('accept-then-reset books the authorization, then destroys the connection', async () => {
    await expect(authWith('accept-then-reset', { orderid: 'atr-1' })).rejects.toThrow();
    expect(sim().ledger.byOrderId('atr-1', MERCHID)).toMatchObject([{ respstat: 'A', setlstat: 'Authorized' }]);
    expect(lastLogged()).toMatchObject({ outcome: 'reset' });
  });

  test('accept-then-timeout books the authorization and never answers; inquireByOrderid + voidByOrderId recover it', async () => {
    await expect(authWith('accept-then-timeout', { orderid: 'att-1' }, AbortSignal.timeout(400))).rejects.toThrow(/timeout|abort/i);
    expect(lastLogged()).toMatchObject({ fault: 'accept-then-timeout', outcome: 'timeout' });
    // The vault's recovery: what happened to order att-1? Approved, so void it.
    const found = await client().get<Answer[]>(`inquireByOrderid/att-1/${MERCHID}/1`);
    expect(found).toMatchObject([{ respstat: 'A', voidable: 'Y', orderid: 'att-1' }]);
    expect(await client().put('voidByOrderId', { merchid: MERCHID, orderid: 'att-1' })).toMatchObject({
      respstat: 'A',
      authcode: 'REVERS',
    });
    expect(sim().ledger.byOrderId('att-1', MERCHID)).toMatchObject([{ setlstat: 'Voided' }]);
  });

  test('accept-then-timeout=N destroys the held connection after N ms', async () => {
    const started = Date.now();
    await expect(authWith('accept-then-timeout=250', { orderid: 'att-2' })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(sim().ledger.byOrderId('att-2', MERCHID)).toHaveLength(1);
  });

  test('faults work on every endpoint: a capture booked and then timed out', async () => {
    const { retref } = await client().auth({});
    const res = client().call(
      'PUT',
      '/cardconnect/rest/capture',
      { merchid: MERCHID, retref },
      { 'X-Sim-Fault': 'delay=50, accept-then-timeout=200' },
    );
    await expect(res).rejects.toThrow();
    expect(sim().ledger.get(retref)).toMatchObject({ setlstat: 'Queued for Capture', captureRequests: 1 });
  });

  test('POST /__sim/faults arms the next N requests of one endpoint; the header wins and consumes nothing', async () => {
    const armed = await client().admin('POST', 'faults', { fault: 'status=502', count: 2, match: 'auth' });
    expect(armed).toEqual({ id: expect.any(Number), fault: 'status=502', remaining: 2, match: 'auth' });
    expect((await client().call('GET', `/cardconnect/rest/inquire/123456789012/${MERCHID}`)).status).toBe(200);
    expect((await authWith('delay=1')).status).toBe(200); // header: the armed fault stays armed
    expect(await client().admin('GET', 'faults')).toMatchObject({ faults: [{ remaining: 2 }] });
    expect((await client().call('PUT', '/cardconnect/rest/auth', AUTH)).status).toBe(502);
    expect((await client().call('PUT', '/cardconnect/rest/auth', AUTH)).status).toBe(502);
    expect((await client().call('PUT', '/cardconnect/rest/auth', AUTH)).status).toBe(200);
    expect(await client().admin('GET', 'faults')).toEqual({ faults: [] });
  });

  test('an armed fault without match applies to any endpoint; DELETE /__sim/faults disarms', async () => {
    await client().admin('POST', 'faults', { fault: 'reset', count: 5 });
    await expect(client().call('GET', `/cardconnect/rest/inquire/123456789012/${MERCHID}`)).rejects.toThrow();
    expect(await client().admin('DELETE', 'faults')).toEqual({ faults: [] });
    expect((await client().call('GET', `/cardconnect/rest/inquire/123456789012/${MERCHID}`)).status).toBe(200);
  });

  test.each([['nonsense'], ['status=200'], ['status=5xx'], ['delay'], ['delay=999999'], ['reset, status=500'], ['reset=3'], ['']])(
    'a malformed fault "%s" is refused with the syntax (header 400, admin 400)',
    async (fault) => {
      const res = await authWith(fault);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/X-Sim-Fault takes comma-separated directives/);
      const admin = await client().call('POST', '/__sim/faults', { fault });
      expect(admin.status).toBe(400);
      expect(sim().ledger.all()).toEqual([]);
    },
  );

  test.each([
    [{ fault: 'reset', extra: 1 }, 'unknown_field'],
    [{ fault: 3 }, 'invalid_fault'],
    [{ fault: 'reset', count: 0 }, 'invalid_count'],
    [{ fault: 'reset', count: 1.5 }, 'invalid_count'],
    [{ fault: 'reset', match: 'auths' }, 'invalid_match'],
  ])('POST /__sim/faults refuses %j', async (body, code) => {
    const res = await client().call('POST', '/__sim/faults', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  test('close() ends held connections and pending delays at once', async () => {
    const own = await startProcessorSim({ port: 0 });
    const c = new SimClient(own.url);
    const held = c.call('PUT', '/cardconnect/rest/auth', AUTH, { 'X-Sim-Fault': 'accept-then-timeout' }).catch((e: unknown) => e);
    const delayed = c.call('PUT', '/cardconnect/rest/auth', AUTH, { 'X-Sim-Fault': 'delay=60000' }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await own.close();
    await own.close(); // twice is harmless
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await held).toBeInstanceOf(Error);
    expect(await delayed).toBeDefined();
  });
});
