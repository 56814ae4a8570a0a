import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TxnRecord } from '@tokenframe/processor-sim';
import { armFault, chargeWorld, type ChargeWorld } from './charge-support';

/**
 * The charges canary: a card goes through every charge and proxy path (success, decline, capture,
 * refund, void, bad input, a lost answer recovered, the proxy), then no answer, log line, event or
 * database file holds its number or middle digits, no answer or log its CVC, and no charge answer
 * or log the processor's own card token. Test mode accepts only documented test cards, so the card
 * is a 15-digit test Amex; its CVC is random.
 */
let w: ChargeWorld;
beforeAll(async () => {
  w = await chargeWorld({ TOKENFRAME_PROCESSOR_TIMEOUT_MS: '400' });
});
afterAll(() => w.close());

test('no card number, middle digits or CVC in charge answers, logs, events or the database; no processor token in charge answers or logs', async () => {
  const pan = '378282246310005';
  const middle = pan.slice(6, -4);
  const cvcs = Array.from({ length: 6 }, () => String(randomInt(1000, 10000)));
  const psk = (await w.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'proxy:invoke')).key;
  const bodies: string[] = [];
  const proxied: string[] = [];
  const keep = async (res: Response) => (
    bodies.push(await res.clone().text()),
    (await res.json()) as { id: string; charge?: { id: string } }
  );
  const tok = (i: number) => w.token({ pan, cvc: cvcs[i]!, name: 'Canary Person', postal: '94107' });

  const ok = await keep(await w.post('/v1/charges', { token: await tok(0), amount: 1200, currency: 'usd' }));
  await keep(await w.post('/v1/charges', { token: await tok(1), amount: 111600, currency: 'usd' }));
  const auth = await keep(await w.post('/v1/charges', { token: await tok(2), amount: 3000, currency: 'usd', capture: false }));
  await keep(await w.post(`/v1/charges/${auth.id}/capture`, {}));
  await keep(await w.post(`/v1/charges/${auth.id}/refund`, { amount: 100 }));
  await keep(await w.post(`/v1/charges/${auth.id}/void`, undefined));
  await keep(await w.post(`/v1/charges/${ok.id}/refund`, { amount: 99999 }));
  await keep(await w.post('/v1/charges', { token: await tok(3), amount: 1.5, currency: 'usd' }));
  await armFault(w, 'accept-then-timeout');
  await keep(await w.post('/v1/charges', { token: await tok(3), amount: 700, currency: 'usd' }));
  await keep(await w.get(`/v1/charges/${ok.id}`));
  const t4 = await tok(4);
  const p = await w.post(
    `/v1/proxy/${w.connection}/cardconnect/rest/auth`,
    {
      merchid: '800000000001',
      account: `{{ ${t4} | pan }}`,
      expiry: `{{ ${t4} | expiry }}`,
      cvv2: `{{ ${t4} | cvc }}`,
      amount: '5',
      orderid: 'canary',
    },
    { sk: psk, idem: null },
  );
  proxied.push(await p.text());
  proxied.push(
    await (
      await w.post(`/v1/proxy/${w.connection}/cardconnect/rest/${pan}`, { echo: `{{ ${await tok(5)} | pan }}` }, { sk: psk, idem: null })
    ).text(),
  );
  expect([p.status, JSON.parse(proxied[0]!).body.respstat]).toEqual([200, 'A']);

  const gatewayTokens = [...new Set((await w.simGet<{ transactions: TxnRecord[] }>('/__sim/ledger')).transactions.map((t) => t.account))];
  expect(gatewayTokens.length).toBeGreaterThan(0);
  const logs = w.h.logs.join('\n');
  const events = JSON.stringify(
    await w.h.vault.stores.events.list((await w.h.vault.keys.account('shop'))!.id, { livemode: false, limit: 500 }),
  );
  const answers = bodies.join('\n');
  const everything = [answers, proxied.join('\n'), logs, events].join('\n');
  for (const [i, part] of [answers, proxied.join('\n'), logs, events].entries())
    expect(part.includes(pan), `part ${i}: ${part.slice(Math.max(0, part.indexOf(pan) - 100), part.indexOf(pan) + 100)}`).toBe(false);
  expect(everything).not.toContain(middle);
  for (const cvc of cvcs) expect(everything).not.toMatch(new RegExp(`"${cvc}"|[^\\d]${cvc}[^\\d]`));
  for (const g of gatewayTokens) expect(answers + logs + events).not.toContain(g);
  expect(answers).toContain('"status":"succeeded"');
  await w.h.vault.stores.close();
  for (const f of readdirSync(w.h.dir).filter((n) => n.startsWith('vault.sqlite'))) {
    const bytes = readFileSync(join(w.h.dir, f)).toString('latin1');
    expect(bytes.includes(pan), f).toBe(false);
    expect(bytes.includes('Canary Person'), f).toBe(false);
  }
});
