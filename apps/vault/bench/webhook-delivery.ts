// Webhook delivery (DESIGN.md "Budgets": commit → receiver p50 ≤ 50 ms, ≥ 1,000 deliveries/s to a
// local receiver). A real node:http receiver on 127.0.0.1 port 0 answers 204.
//  latency: sequential tokenizations (each a token.created event for one endpoint); each waits for
//    its delivery. Measured from the event's createdAt (stamped just before its transaction
//    commits, so the figure is an upper bound of commit → receiver) to the receiver's handler.
//  throughput: `endpoints` endpoints × `events` tokenizations recorded while the worker is stopped;
//    then the worker starts and the clock runs until the receiver has every delivery.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startBenchVault, type BenchVault } from './bench-vault';
import { median, percentile, round } from './bench-stats';

export interface WebhookDelivery {
  p50Ms: number;
  p95Ms: number;
  perSec: number;
  deliveries: number;
  burstMs: number;
  /** TCP connections the receiver accepted during the burst. */
  burstConnections: number;
  backend: string;
  method: string;
}

interface Receiver {
  port: number;
  count: number;
  connections: number;
  /** Called with the event's createdAt and the arrival time (Date.now(), the same clock in both processes). */
  onEvent?: (createdAt: number, at: number) => void;
  close(): Promise<void>;
}

const receivers = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of receivers) c.kill('SIGKILL');
});

/** bench/webhook-receiver.ts in a child process; killed by close(), and on this process's exit whatever happens. */
async function startReceiver(): Promise<Receiver> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./webhook-receiver.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  receivers.add(child);
  const exited = new Promise<void>((res) => child.once('exit', () => (receivers.delete(child), res())));
  const r: Receiver = {
    port: 0,
    count: 0,
    connections: 0,
    async close() {
      child.stdin!.end();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(kill);
    },
  };
  const port = new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('webhook bench: the receiver did not start within 20 s')), 20_000);
    void exited.then(() => reject(new Error('webhook bench: the receiver exited')));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [a, b] = line.split(' ');
      if (a === 'port') return (clearTimeout(t), resolve(Number(b)));
      if (a === 'connections') return void (r.connections = Number(b));
      r.count++;
      r.onEvent?.(Number(a), Number(b));
    });
  });
  try {
    r.port = await port;
  } catch (e) {
    await r.close();
    throw e;
  }
  return r;
}

async function addEndpoint(b: BenchVault, url: string): Promise<void> {
  const res = await b.running.api.request('/v1/webhook_endpoints', {
    method: 'POST',
    headers: { Authorization: `Bearer ${b.sk}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, events: ['token.created'] }),
  });
  if (res.status !== 201) throw new Error(`webhook endpoint: ${res.status} ${await res.text()}`);
}

async function latency(backend: 'sqlite' | 'postgres', runs: number, warmup: number): Promise<number[]> {
  const receiver = await startReceiver();
  let b: BenchVault | undefined;
  try {
    b = await startBenchVault({ backend });
    await addEndpoint(b, `http://127.0.0.1:${receiver.port}/hooks`);
    const jwes = await b.sealed(runs + warmup);
    const out: number[] = [];
    for (let i = 0; i < jwes.length; i++) {
      const got = new Promise<number>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('webhook bench: no delivery within 5 s')), 5_000);
        receiver.onEvent = (createdAt, at) => (clearTimeout(t), resolve(at - createdAt));
      });
      await b.tokenize(jwes[i]!);
      const ms = await got;
      if (i >= warmup) out.push(ms);
    }
    return out;
  } finally {
    await b?.close();
    await receiver.close();
  }
}

async function burst(
  backend: 'sqlite' | 'postgres',
  endpoints: number,
  events: number,
): Promise<{ ms: number; n: number; connections: number }> {
  const receiver = await startReceiver();
  let b: BenchVault | undefined;
  try {
    b = await startBenchVault({ backend, webhookWorker: false });
    for (let i = 0; i < endpoints; i++) await addEndpoint(b, `http://127.0.0.1:${receiver.port}/hooks/${i}`);
    for (const jwe of await b.sealed(events)) await b.tokenize(jwe);
    const n = endpoints * events;
    const connectionsBefore = receiver.connections;
    const t = performance.now();
    b.running.vault.webhookWorker.start();
    const until = Date.now() + 60_000;
    while (receiver.count < n) {
      if (Date.now() > until) throw new Error(`webhook bench: ${receiver.count} of ${n} deliveries within 60 s`);
      await new Promise((r) => setImmediate(r));
    }
    return { ms: performance.now() - t, n, connections: receiver.connections - connectionsBefore };
  } finally {
    await b?.close();
    await receiver.close();
  }
}

export async function measureWebhookDelivery(o: {
  backend: 'sqlite' | 'postgres';
  runs: number;
  warmup: number;
  endpoints: number;
  events: number;
  bursts: number;
}): Promise<WebhookDelivery> {
  const lat = await latency(o.backend, o.runs, o.warmup);
  const bursts: { ms: number; n: number; connections: number }[] = [];
  for (let i = 0; i < o.bursts; i++) bursts.push(await burst(o.backend, o.endpoints, o.events));
  const rates = bursts.map((x) => (x.n / x.ms) * 1000);
  const mid = bursts[rates.indexOf(median(rates))]!;
  return {
    p50Ms: round(median(lat), 1),
    p95Ms: round(percentile(lat, 95), 1),
    perSec: round(median(rates), 0),
    deliveries: mid.n,
    burstMs: round(mid.ms, 0),
    burstConnections: mid.connections,
    backend: o.backend,
    method: `latency: ${o.runs} sequential tokenizations (after ${o.warmup}), each a token.created event for one endpoint, event createdAt (stamped before its commit) → receiver handler, in-process vault (${o.backend}) with its webhook worker, receiver node:http on 127.0.0.1:0 in another process answering 204; throughput: ${o.endpoints} endpoints × ${o.events} events queued with the worker stopped, then worker start → last delivery received, median of ${o.bursts} bursts`,
  };
}
