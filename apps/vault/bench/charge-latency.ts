// Charge latency (DESIGN.md "Budgets": POST /v1/charges → result ≤ 1.3 × the floor). The floor is
// the same authorization (CardPointe PUT /auth, same merchant, amount and card) sent straight to the
// processor simulator with the card number, from the same keep-alive client, alternating with the
// charges in the same run. Both are sequential (one in flight), and the median is reported.
import { randomUUID } from 'node:crypto';
import { startProcessorSim } from '@tokenframe/processor-sim';
import { keepAliveClient, startBenchVault } from './bench-vault';
import { median, percentile, round } from './bench-stats';

export interface ChargeLatency {
  ms: number;
  floorMs: number;
  ratio: number;
  p95Ms: number;
  floorP95Ms: number;
  runs: number;
  failed: number;
  method: string;
}

const PAN = '4242424242424242';
const SIM_USER = 'testing';
const SIM_PASSWORD = 'testing123';
const MERCHID = '800000000001';

export async function measureChargeLatency(o: { runs: number; warmup: number; backend?: 'sqlite' | 'postgres' }): Promise<ChargeLatency> {
  const sim = await startProcessorSim({ port: 0 });
  const client = keepAliveClient();
  let bench: Awaited<ReturnType<typeof startBenchVault>> | undefined;
  try {
    bench = await startBenchVault({ backend: o.backend ?? 'sqlite', webhookWorker: false });
    const b = bench;
    const made = await b.running.vault.connections.create({
      account: 'bench',
      env: 'test',
      kind: 'cardpointe',
      url: sim.url,
      merchid: MERCHID,
      username: SIM_USER,
      password: SIM_PASSWORD,
    });
    if (!made.ok) throw new Error(made.message);
    const [jwe] = await b.sealed(1, PAN);
    const token = await b.tokenize(jwe!);
    const expiry = `12${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
    const simAuth = `Basic ${Buffer.from(`${SIM_USER}:${SIM_PASSWORD}`).toString('base64')}`;
    let failed = 0;
    const charge = async () => {
      const t = performance.now();
      const res = await client.send(
        `${b.api}/v1/charges`,
        'POST',
        { Authorization: `Bearer ${b.sk}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        JSON.stringify({ token, amount: 1000, currency: 'usd' }),
      );
      const ms = performance.now() - t;
      if (res.status !== 201 && res.status !== 200) {
        if (failed++ === 0) process.stderr.write(`charge: ${res.status} ${res.body}\n`);
      }
      return ms;
    };
    const floor = async () => {
      const body = JSON.stringify({
        merchid: MERCHID,
        account: PAN,
        expiry,
        amount: '10.00',
        currency: 'USD',
        orderid: randomUUID().slice(0, 19),
        ecomind: 'E',
        capture: 'N',
        cvv2: '123',
      });
      const t = performance.now();
      const res = await client.send(
        `${sim.url}/cardconnect/rest/auth`,
        'PUT',
        { Authorization: simAuth, 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      );
      const ms = performance.now() - t;
      if (res.status !== 200 && failed++ === 0) process.stderr.write(`floor auth: ${res.status} ${res.body}\n`);
      return ms;
    };
    for (let i = 0; i < o.warmup; i++) {
      await charge();
      await floor();
    }
    failed = 0;
    const charges: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      charges.push(await charge());
      floors.push(await floor());
    }
    const ms = median(charges);
    const floorMs = median(floors);
    return {
      ms: round(ms, 2),
      floorMs: round(floorMs, 2),
      ratio: round(ms / floorMs, 2),
      p95Ms: round(percentile(charges, 95), 2),
      floorP95Ms: round(percentile(floors, 95), 2),
      runs: o.runs,
      failed,
      method: `${o.runs} sequential POST /v1/charges (token of ${PAN.slice(0, 6)}…, $10.00, authorization only; vault in-process on ${o.backend ?? 'sqlite'}, real processor simulator on loopback) alternating with the same CardPointe PUT /auth sent straight to the simulator with the card number; one node:http keep-alive client for both; medians after ${o.warmup} warm-up pairs`,
    };
  } finally {
    client.close();
    await bench?.close();
    await sim.close();
  }
}
