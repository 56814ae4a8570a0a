import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ROOT } from './paths';

export interface Child {
  /** The first line the child printed on stdout (its JSON hello or result). */
  firstLine: Promise<string>;
  /** The next line after those already taken (the first is `firstLine`), e.g. the answer to a signal. */
  nextLine(timeoutMs?: number): Promise<string>;
  /** Sends a signal (no-op once the child exited). */
  signal(sig: NodeJS.Signals): void;
  /** The last 2,000 characters the child wrote on stderr. */
  stderrTail(): string;
  /** Stops this child (SIGTERM, then SIGKILL after 5 s). Idempotent. */
  stop(): Promise<void>;
}

/** Every child still running: killed when the bench process exits for any reason (a failed round, Ctrl-C). */
const live = new Set<() => Promise<void>>();
const childrenPids = new Set<number>();
let hooked = false;
function killAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of childrenPids) {
      try {
        process.kill(c, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void Promise.all([...live].map((s) => s())).finally(() => process.exit(130)));
}
/** Stops every child still running (the bench calls it when a measurement throws). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((s) => s()));
}

/** Runs one of bench/src/*.ts in its own Node process (through tsx), bounded by `timeoutMs` for its first line. */
export function startTsChild(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Child {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killAllOnExit();
  if (child.pid !== undefined) childrenPids.add(child.pid);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => (child.pid !== undefined && childrenPids.delete(child.pid), resolve())),
  );
  // Every stdout line, in order; a waiter takes the oldest one not yet taken.
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiters.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const nextLine = (ms = timeoutMs) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script}: no output within ${ms} ms\n${stderr}`)), ms);
      const done = (line: string) => (clearTimeout(timer), resolve(line));
      const queued = lines.shift();
      if (queued !== undefined) return done(queued);
      waiters.push(done);
      void exited.then(() => (clearTimeout(timer), reject(new Error(`${script} exited (${child.exitCode}) before answering:\n${stderr}`))));
    });
  const firstLine = nextLine();
  firstLine.catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    })());
  live.add(stop);
  void exited.then(() => live.delete(stop));
  const signal = (sig: NodeJS.Signals) => void (child.exitCode === null && child.signalCode === null && child.kill(sig));
  return { firstLine, nextLine, signal, stop, stderrTail: () => stderr };
}
