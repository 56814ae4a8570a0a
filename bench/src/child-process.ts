import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ROOT } from './paths';

export interface Child {
  /** The first line the child printed on stdout (its JSON hello or result). */
  firstLine: Promise<string>;
  /** The last 2,000 characters the child wrote on stderr. */
  stderrTail(): string;
  /** Stops this child (SIGTERM, then SIGKILL after 5 s). Idempotent. */
  stop(): Promise<void>;
}

/** Runs one of bench/src/*.ts in its own Node process (through tsx), bounded by `timeoutMs` for its first line. */
export function startTsChild(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Child {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script}: no output within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    createInterface({ input: child.stdout! }).once('line', (line) => (clearTimeout(timer), resolve(line)));
    void exited.then(() => (clearTimeout(timer), reject(new Error(`${script} exited (${child.exitCode}) before answering:\n${stderr}`))));
  });
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
  return { firstLine, stop, stderrTail: () => stderr };
}
