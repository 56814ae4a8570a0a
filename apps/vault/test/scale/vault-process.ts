import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import type { SealedClaims } from '@tokenframe/protocol';
import { workspaceRoot } from '../../src/config/data-dir';

/** The public origins every process is configured with, as if behind one load balancer. */
export const LB_API = 'http://127.0.0.1:4990';
export const LB_FRAMES = 'http://127.0.0.1:4991';
export const PAGE = 'http://localhost:5173';
/** Limits high enough that a load test measures the vault, not the limiter. */
export const LOAD_LIMITS = JSON.stringify({
  default: {
    perKey: [1e6, 60],
    perIp: [1e6, 60],
    perBin: [1e6, 60],
    perFingerprint: [1e6, 60],
    distinctCardsPerBin: [1e6, 60],
    distinctCardsPerIp: [1e6, 60],
    distinctCardsPerBinLast4: [1e6, 60],
  },
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface VaultProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** `pnpm vault start` as a real child process (node + tsx, no pnpm wrapper, so SIGKILL hits the vault itself). */
export async function spawnVault(env: NodeJS.ProcessEnv): Promise<VaultProcess> {
  const [port, framesPort] = [await freePort(), await freePort()];
  const root = workspaceRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/vault/src/cli/main.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      FRAMES_PORT: String(framesPort),
      TOKENFRAME_API_URL: LB_API,
      TOKENFRAME_FRAMES_URL: LB_FRAMES,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vault exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`vault did not become ready in 30 s:\n${out}`);
    }
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface Sealed {
  jwe: string;
  pan: string;
}

/** Sessions (round-robin over `urls`) and JWEs sealed ahead of time, so the timed part is the vault's work only. */
export async function presealed(urls: string[], pk: string, count: number, pans: (i: number) => string): Promise<Sealed[]> {
  const headers = { Origin: LB_FRAMES, Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json' };
  const jwk = ((await (await fetch(`${urls[0]}/v1/jwks`)).json()) as { keys: SealPublicJwk[] }).keys[0]!;
  const out: Sealed[] = [];
  let sid = '';
  for (let i = 0; i < count; i++) {
    if (i % 5 === 0) {
      const r = await fetch(`${urls[(i / 5) % urls.length]}/v1/sessions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ origin: PAGE }),
      });
      if (r.status !== 201) throw new Error(`session: ${r.status} ${await r.text()}`);
      sid = ((await r.json()) as { sid: string }).sid;
    }
    const pan = pans(i);
    const claims: SealedClaims = {
      pan,
      expMonth: 12,
      expYear: new Date().getUTCFullYear() + 3,
      cvc: '123',
      aud: LB_API,
      pk,
      sid,
      origin: PAGE,
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
    };
    out.push({ jwe: await sealJwe(claims, jwk), pan });
  }
  return out;
}

export function postToken(url: string, pk: string, jwe: string, idem: string = randomUUID()): Promise<Response> {
  return fetch(`${url}/v1/tokens`, {
    method: 'POST',
    headers: { Origin: LB_FRAMES, Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': idem },
    body: JSON.stringify({ jwe }),
  });
}

/**
 * Sends every sealed JWE, `concurrency` at a time, round-robin over `urls`; stops early when
 * `stop()` says so. Returns the acknowledged tokens (201 + id) and how long it took.
 */
export async function blast(
  urls: string[],
  pk: string,
  work: Sealed[],
  concurrency: number,
  stop: () => boolean = () => false,
  onAck?: (n: number) => void,
) {
  const acked: { id: string; pan: string }[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < work.length && !stop()) {
      const i = next++;
      const w = work[i]!;
      try {
        const res = await postToken(urls[i % urls.length]!, pk, w.jwe);
        if (res.status === 201) {
          acked.push({ id: ((await res.json()) as { id: string }).id, pan: w.pan });
          onAck?.(acked.length);
        } else failed++;
      } catch {
        failed++; // connection refused/reset: not acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acked, failed, seconds: (performance.now() - started) / 1000 };
}
