import { describe, expect, test } from 'vitest';
import { MERCHID, useSim } from './support/sim-client';

const { client } = useSim({ now: () => new Date('2026-12-03T12:00:00Z') });

describe('sandbox behaviour of PUT auth', () => {
  test.each([
    // [case, request fields, expected answer fields]
    [
      'an ordinary approval',
      { amount: '10.00' },
      { respstat: 'A', respcode: '00', resptext: 'Approval', respproc: 'FNOR', amount: '10.00' },
    ],
    ['implied-decimal minor units', { amount: '1000' }, { respstat: 'A', amount: '10.00' }],
    ['one decimal', { amount: '10.5' }, { respstat: 'A', amount: '10.50' }],
    ['$999.99 is below the code range', { amount: '999.99' }, { respstat: 'A', respcode: '00', amount: '999.99' }],
    [
      '$1116 → insufficient funds',
      { amount: '1116.00' },
      { respstat: 'C', respcode: '116', resptext: 'Insufficient funds', respproc: 'RPCT', amount: '0.00', authcode: '' },
    ],
    ['$1116.99 uses whole dollars', { amount: '111699' }, { respstat: 'C', respcode: '116' }],
    ['$1100 → do not honor', { amount: '1100.00' }, { respstat: 'C', respcode: '100', resptext: 'Do not honor' }],
    ['$1101 → expired card', { amount: '1101.00' }, { respstat: 'C', respcode: '101', resptext: 'Expired card' }],
    ['$1000 → RPCT 000 approve', { amount: '1000.00' }, { respstat: 'A', respcode: '000', resptext: 'Approve', amount: '1000.00' }],
    ['$1199 → a code outside the table declines', { amount: '1199.00' }, { respstat: 'C', respcode: '199', resptext: 'Decline' }],
    ['$1999.99 is the top of the range', { amount: '1999.99' }, { respstat: 'C', respcode: '999' }],
    ['$2000 is above the range', { amount: '2000.00' }, { respstat: 'A', respcode: '00' }],
    [
      'the partial-approval card at $6.00',
      { account: '4387750101010101', amount: '6.00' },
      { respstat: 'A', respcode: '10', resptext: 'Partial Approval', amount: '5.00' },
    ],
    ['the partial-approval card at $50', { account: '4387750101010101', amount: '50.00' }, { respstat: 'A', amount: '5.00' }],
    [
      'the partial-approval card below $6.00',
      { account: '4387750101010101', amount: '5.99' },
      { respstat: 'A', respcode: '00', amount: '5.99' },
    ],
    ['Visa timeout card', { account: '4999006200620062' }, { respstat: 'B', respcode: '62', resptext: 'Timed out', respproc: 'PPS' }],
    ['Mastercard timeout card', { account: '5111006200620062' }, { respstat: 'B', respcode: '62' }],
    ['Discover timeout card', { account: '6465006200620062' }, { respstat: 'B', respcode: '62' }],
    ['CVV 112 → M', { cvv2: '112' }, { cvvresp: 'M' }],
    ['CVV 111 → N', { cvv2: '111' }, { cvvresp: 'N', respstat: 'A' }],
    ['CVV 222 → P', { cvv2: '222' }, { cvvresp: 'P' }],
    ['CVV 333 → U', { cvv2: '333' }, { cvvresp: 'U' }],
    ['another CVV matches', { cvv2: '123' }, { cvvresp: 'M' }],
    ['no CVV is not processed', {}, { cvvresp: 'P' }],
    ['postal …111 → N', { postal: '19111' }, { avsresp: 'N' }],
    ['postal …222 → A', { postal: '55222' }, { avsresp: 'A' }],
    ['postal …333 → Z', { postal: '10333' }, { avsresp: 'Z' }],
    ['postal …444 → U', { postal: '10444' }, { avsresp: 'U' }],
    ['another postal matches', { postal: '19406' }, { avsresp: 'Y' }],
    ['no postal is not checked', {}, { avsresp: '' }],
    ['an expired card (MMYY)', { expiry: '1126' }, { respstat: 'C', respcode: '54', resptext: 'Wrong expiration', respproc: 'FNOR' }],
    ['this month is still good', { expiry: '1226' }, { respstat: 'A' }],
    ['an expired card (YYYYMMDD)', { expiry: '20250131' }, { respstat: 'C', respcode: '54' }],
    ['YYYYMMDD', { expiry: '20301231' }, { respstat: 'A' }],
    ['zero is an account verification', { amount: '0' }, { respstat: 'A', amount: '0.00' }],
    ['Amex', { account: '378282246310005' }, { respstat: 'A' }],
    ['a 19-digit Visa', { account: '4000000000000000006' }, { respstat: 'A' }],
    ['unknown fields are ignored, whatever their type', { userfields: [{ a: 1 }], somethingNew: 3 } as never, { respstat: 'A' }],
  ] as [string, Record<string, string>, Record<string, string>][])('%s', async (_name, fields, expected) => {
    const answer = await client().auth(fields);
    expect(answer).toMatchObject(expected);
    expect(answer.retref).toMatch(/^\d{12}$/);
    expect(Object.values(answer).every((v) => typeof v === 'string')).toBe(true);
  });

  test.each([
    ['a number where a string belongs', { amount: 1000 }, '34', 'Invalid field'],
    ['a null value', { cvv2: null }, '34', 'Invalid field'],
    ['non-ASCII text', { name: 'Zoë' }, '34', 'Invalid field'],
    ['another merchant id', { merchid: '800000000002' }, '21', 'Invalid merchant'],
    ['no merchant id', { merchid: '' }, '34', 'Invalid field'],
    ['a Luhn-invalid card', { account: '4111111111111112' }, '13', 'Bad card check digit'],
    ['letters in the card', { account: '4111abcd11111111' }, '11', 'Invalid card'],
    ['no card', { account: '' }, '11', 'Invalid card'],
    ['a gateway token (the simulator keeps no cards)', { account: '9418594164541112' }, '98', 'Invalid token'],
    ['letters in the expiry', { expiry: '12/49' }, '15', 'Non-numeric expiry'],
    ['month 13', { expiry: '1349' }, '15', 'Non-numeric expiry'],
    ['an amount with three decimals', { amount: '10.001' }, '43', 'Invalid amount'],
    ['an amount in exponent form', { amount: '1e3' }, '43', 'Invalid amount'],
    ['a negative amount (forced credit)', { amount: '-5.00' }, '45', 'Refunds without reference not supported'],
    ['more than the maximum', { amount: '10000000.00' }, '42', 'Above max amount'],
    ['a malformed currency', { currency: 'usd' }, '31', 'Invalid currency'],
    ['a currency the merchant lacks', { currency: 'EUR' }, '32', 'Wrong currency for merch'],
    ['a non-numeric CVV', { cvv2: '12a' }, '14', 'Non-numeric CVV'],
    ['an unknown ecomind', { ecomind: 'X' }, '34', 'Invalid field'],
    ['capture other than Y/N', { capture: 'yes' }, '34', 'Invalid field'],
  ] as [string, Record<string, unknown>, string, string][])(
    'refused by the gateway itself: %s',
    async (_name, fields, respcode, resptext) => {
      const before = (await client().admin<{ transactions: unknown[] }>('GET', 'ledger')).transactions.length;
      const answer = await client().put('auth', {
        merchid: MERCHID,
        account: '4111111111111111',
        expiry: '1249',
        amount: '10.00',
        ...fields,
      });
      expect(answer).toMatchObject({ respproc: 'PPS', respstat: 'C', respcode, resptext });
      expect(answer.retref).toBeUndefined();
      expect((await client().admin<{ transactions: unknown[] }>('GET', 'ledger')).transactions.length).toBe(before);
    },
  );

  test('a body that is not JSON is HTTP 400, a JSON array too', async () => {
    expect((await client().call('PUT', '/cardconnect/rest/auth', '{"merchid":')).status).toBe(400);
    expect((await client().call('PUT', '/cardconnect/rest/auth', '[]')).status).toBe(400);
  });

  test('POST works like PUT, and an unknown endpoint is the gateway 404 naming the path', async () => {
    const res = await client().call('POST', '/cardconnect/rest/auth', {
      merchid: MERCHID,
      account: '4111111111111111',
      expiry: '1249',
      amount: '1.00',
    });
    expect(await res.json()).toMatchObject({ respstat: 'A' });
    const missing = await client().call('PUT', '/cardconnect/rest/inquireByOderid', {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, error: 'Not Found', path: '/cardconnect/rest/inquireByOderid' });
  });
});
