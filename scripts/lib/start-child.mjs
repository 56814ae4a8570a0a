// Starts one long-running child in its own process group, prefixes its output, and stops it
// (and everything it spawned: pnpm → tsx → node) exactly once.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './stack-urls.mjs';

const KEEP_LINES = 40;

/**
 * @param {{ name: string, cmd: string, args: string[], cwd?: string, env?: Record<string, string>,
 *           quiet?: boolean }} opts  quiet keeps output only for the failure report.
 */
export function startChild({ name, cmd, args, cwd = ROOT, env = {}, quiet = false }) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: Ctrl-C reaches us, and we stop children in order
  });
  const recent = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > KEEP_LINES) recent.shift();
      if (!quiet) console.log(`[${name}] ${line}`);
    });
  }
  /** Settles with the exit code (or signal name) when the child is gone. */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (err) => resolve(err.message));
  });

  let stopping;
  function stop(graceMs = 5_000) {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup(child.pid, 'SIGKILL'); // grandchildren that ignored SIGTERM
    })();
    return stopping;
  }

  return { name, child, exited, stop, recentOutput: () => recent.join('\n') };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
