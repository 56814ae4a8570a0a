import { describe, expect, test } from 'vitest';
import { MERCHID, SimClient, useSim } from './support/sim-client';

const { sim, client } = useSim();
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('HTTP Basic auth and the merchant id', () => {
  test.each([
    ['no Authorization header', null],
    ['a wrong password', basic('testing', 'wrong')],
    ['a wrong user', basic('other', 'testing123')],
    ['a Bearer token', 'Bearer testing123'],
    ['garbage', 'Basic %%%'],
  ])('%s → 401 on every gateway call and admin endpoint, nothing booked', async (_name, authorization) => {
    const stranger = new SimClient(sim().url, authorization);
    const calls: [string, string, unknown?][] = [
      ['PUT', '/cardconnect/rest/', { merchid: MERCHID }],
      ['PUT', '/cardconnect/rest/auth', { merchid: MERCHID, account: '4111111111111111', expiry: '1249', amount: '1.00' }],
      ['PUT', '/cardconnect/rest/capture', { merchid: MERCHID, retref: '123456789012' }],
      ['GET', `/cardconnect/rest/inquire/123456789012/${MERCHID}`],
      ['GET', `/cardconnect/rest/inquireByOrderid/o/${MERCHID}/1`],
      ['PUT', '/cardconnect/rest/voidByOrderId', { merchid: MERCHID, orderid: 'o' }],
      ['GET', '/__sim/ledger'],
      ['GET', '/__sim/requests'],
      ['POST', '/__sim/faults', { fault: 'status=500' }],
      ['POST', '/__sim/reset'],
    ];
    for (const [method, path, body] of calls) {
      const res = await stranger.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    }
    expect(sim().ledger.all()).toEqual([]);
    expect(sim().faults.list()).toEqual([]);
  });

  test('the credentials test: PUT /cardconnect/rest/ with the merchid answers the servlet name, another merchid 401', async () => {
    const ok = await client().call('PUT', '/cardconnect/rest/', { merchid: MERCHID });
    expect([ok.status, await ok.text()]).toEqual([200, 'CardConnect REST Servlet']);
    expect((await client().call('PUT', '/cardconnect/rest', { merchid: MERCHID })).status).toBe(200);
    expect((await client().call('PUT', '/cardconnect/rest/', { merchid: '800000000002' })).status).toBe(401);
  });

  test('another merchid is "Txn not found" for capture, void, refund, inquire and order lookups', async () => {
    const { retref } = await client().auth({ orderid: 'merch-1', capture: 'Y' });
    const other = '800000000002';
    for (const endpoint of ['capture', 'void', 'refund']) {
      expect(await client().put(endpoint, { merchid: other, retref })).toEqual({
        respproc: 'PPS',
        respstat: 'C',
        respcode: '29',
        resptext: 'Txn not found',
        retref,
      });
    }
    expect(await client().get(`inquire/${retref}/${other}`)).toMatchObject({ respstat: 'C', respcode: '29' });
    expect(await client().get(`inquireByOrderid/merch-1/${other}`)).toMatchObject({ respstat: 'C', respcode: '29' });
    expect(await client().get(`inquireByOrderid/merch-1/${other}/1`)).toEqual([]);
    expect(await client().put('voidByOrderId', { merchid: other, orderid: 'merch-1' })).toMatchObject({ respstat: 'C', respcode: '29' });
    expect(await client().get(`inquire/${retref}/${MERCHID}`)).toMatchObject({ setlstat: 'Queued for Capture', voidable: 'Y' });
  });

  test('configured credentials and merchid replace the defaults', async () => {
    const { startProcessorSim } = await import('../src/index');
    const custom = await startProcessorSim({ port: 0, merchid: '496082673888', username: 'shop', password: 's3cret' });
    try {
      const c = new SimClient(custom.url, basic('shop', 's3cret'));
      expect((await c.call('PUT', '/cardconnect/rest/', { merchid: '496082673888' })).status).toBe(200);
      expect(await c.put('auth', { merchid: '496082673888', account: '4111111111111111', expiry: '1249', amount: '1.00' })).toMatchObject({
        respstat: 'A',
        merchid: '496082673888',
      });
      expect((await new SimClient(custom.url).call('PUT', '/cardconnect/rest/', { merchid: '496082673888' })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  test('GET /__sim/health is open (readiness polls), and says nothing', async () => {
    const res = await new SimClient(sim().url, null).call('GET', '/__sim/health');
    expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
  });
});
