// Runs the vault CLI (`pnpm vault …`) and returns its JSON output.
import { spawnSync } from 'node:child_process';
import { ROOT } from './stack-urls.mjs';

/**
 * @param {string[]} args  e.g. ['keys', 'create', '--account', 'demo', …]; '--json' is added.
 * @param {{ env?: Record<string, string> }} [opts]
 * @returns {{ ok: true, value: any } | { ok: false, message: string }}
 */
export function vaultCli(args, { env = {} } = {}) {
  const r = spawnSync(process.execPath, ['scripts/vault.mjs', ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim();
  if (r.status !== 0) return { ok: false, message: `pnpm vault ${args.join(' ')} failed (exit ${r.status}):\n${output}` };
  // The CLI prints one JSON document; tolerate lines a runner may print before it.
  const start = r.stdout.search(/^[[{]/m);
  try {
    return { ok: true, value: JSON.parse(r.stdout.slice(Math.max(start, 0))) };
  } catch {
    return { ok: false, message: `pnpm vault ${args.join(' ')} printed no JSON:\n${output}` };
  }
}
