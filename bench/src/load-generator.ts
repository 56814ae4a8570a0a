// HTTP load from its own process: `node --import tsx src/load-generator.ts '<json LoadSpec>'`.
// Sends pre-sealed POST /v1/tokens with `concurrency` keep-alive connections spread over the
// targets (loopback only), stops after the JWEs run out or `maxMs`, prints one JSON LoadResult line.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface LoadSpec {
  targets: string[];
  pk: string;
  framesOrigin: string;
  jwesFile: string;
  from: number;
  count: number;
  concurrency: number;
  maxMs: number;
}
export interface LoadResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  perSec: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function post(agent: Agent, target: URL, spec: LoadSpec, jwe: string): Promise<number> {
  const body = JSON.stringify({ jwe });
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: '/v1/tokens',
        method: 'POST',
        headers: {
          Authorization: `Bearer ${spec.pk}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Idempotency-Key': randomUUID(),
          Origin: spec.framesOrigin,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function main(spec: LoadSpec): Promise<LoadResult> {
  const targets = spec.targets.map((t) => new URL(t));
  if (!targets.every((t) => LOOPBACK.has(t.hostname))) throw new Error('load-generator: loopback targets only');
  const jwes = readFileSync(spec.jwesFile, 'utf8')
    .split('\n')
    .slice(spec.from, spec.from + spec.count);
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: Math.ceil(spec.concurrency / targets.length) }));
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const deadline = start + spec.maxMs;
  const worker = async (w: number) => {
    const t = w % targets.length;
    while (next < jwes.length && performance.now() < deadline) {
      const status = await post(agents[t]!, targets[t]!, spec, jwes[next++]!);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - start;
  for (const a of agents) a.destroy();
  const ok = statuses['201'] ?? 0;
  return { ok, failed: next - ok, statuses, elapsedMs, perSec: (ok / elapsedMs) * 1000 };
}

const arg = process.argv[2];
if (arg) process.stdout.write(`${JSON.stringify(await main(JSON.parse(arg) as LoadSpec))}\n`);
