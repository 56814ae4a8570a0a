import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startProcessorSim } from '../src/index';
import { MERCHID, SimClient } from './support/sim-client';

const dir = mkdtempSync(join(tmpdir(), 'processor-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAN = '4242424242424242';

describe('state file and what the simulator keeps', () => {
  test('the ledger survives a restart through PROCESSOR_SIM_STATE_FILE, and the file holds no card data', async () => {
    const stateFile = join(dir, 'nested', 'state.json');
    const first = await startProcessorSim({ port: 0, stateFile });
    const c1 = new SimClient(first.url);
    const auth = await c1.auth({ account: PAN, cvv2: '737', orderid: 'persist-1', capture: 'Y' });
    const refund = await c1.put('refund', { merchid: MERCHID, retref: auth.retref, amount: '4.00' });
    await c1.admin('POST', 'settle');
    await first.close();

    const text = readFileSync(stateFile, 'utf8');
    expect(text).not.toContain(PAN);
    expect(text).not.toContain(PAN.slice(6, -4));
    expect(text).not.toMatch(/"cvv2"/); // no CVV field at all (cvvresp is the answer; a bare "737" could be part of a retref)

    const second = await startProcessorSim({ port: 0, stateFile });
    try {
      const c2 = new SimClient(second.url);
      expect(await c2.get(`inquire/${auth.retref}/${MERCHID}`)).toMatchObject({
        setlstat: 'Accepted',
        refundable: 'Y',
        account: auth.account,
      });
      expect(await c2.get(`inquire/${refund.retref}/${MERCHID}`)).toMatchObject({ amount: '4.00', authcode: 'REFUND' });
      expect(await c2.get(`inquireByOrderid/persist-1/${MERCHID}`)).toMatchObject({ retref: auth.retref });
      // The batch counter survives too: a new capture goes into the batch after the settled one.
      const next = await c2.auth({ capture: 'Y' });
      expect(await c2.get(`inquire/${next.retref}/${MERCHID}`)).toMatchObject({ batchid: '1002' });
      await c2.admin('POST', 'reset');
    } finally {
      await second.close();
    }
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ version: 1, batch: 1001, transactions: [] });
  });

  test('a state file of another shape is refused with a clear message', async () => {
    const bad = join(dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{"hello": 1}');
    await expect(startProcessorSim({ port: 0, stateFile: bad })).rejects.toThrow(/not a processor-sim state file/);
  });

  test('the request log and the ledger mask the card number (last four kept) and drop the CVV', async () => {
    const sim = await startProcessorSim({ port: 0 });
    try {
      const c = new SimClient(sim.url);
      await c.auth({ account: PAN, cvv2: '737', name: 'Jo Shopper', orderid: 'mask-1', userfields: [{ note: PAN }] } as never);
      await c.call(
        'PUT',
        '/cardconnect/rest/auth',
        { merchid: MERCHID, account: PAN, expiry: '1249', amount: '1.00' },
        { 'X-Sim-Fault': 'status=500' },
      );
      await new SimClient(sim.url, null).call('PUT', '/cardconnect/rest/auth', { merchid: MERCHID, account: PAN });
      const { requests } = await c.admin<{ requests: { body?: Record<string, unknown>; outcome: unknown }[] }>('GET', 'requests');
      expect(requests.map((r) => r.outcome)).toEqual([200, 500, 401]);
      expect(requests[0]?.body).toMatchObject({
        account: '************4242',
        cvv2: '***',
        name: 'Jo Shopper',
        userfields: [{ note: '************4242' }],
      });
      const everything = JSON.stringify([requests, await c.admin('GET', 'ledger')]);
      expect(everything).not.toContain(PAN);
      expect(everything).not.toContain(PAN.slice(6, -4));
      expect(everything).not.toMatch(/"cvv2":"(?!\*\*\*")/);
      expect(sim.ledger.all()).toMatchObject([{ last4: '4242', orderid: 'mask-1' }]);
    } finally {
      await sim.close();
    }
  });
});
