// Runs `pnpm run build` (frame documents + SDK bundle) when an output is missing or older than
// the sources it is built from, so a second `pnpm demo` starts in seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack-urls.mjs';

const OUTPUTS = ['packages/sdk/dist/tokenframe.js', 'apps/frame/dist/frames/v1/field.html'];
const SOURCES = [
  'packages/protocol',
  'packages/channel',
  'packages/card',
  'packages/crypto',
  'packages/fields',
  'packages/sdk',
  'apps/frame',
];
const SKIP = new Set(['node_modules', 'dist', 'test', '.vite']);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** @returns {{ built: boolean }} throws when the build fails (its output is already on the terminal). */
export function buildIfStale({ force = false, quiet = false } = {}) {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const stale =
    force ||
    !outputs.every(existsSync) ||
    Math.min(...outputs.map((p) => statSync(p).mtimeMs)) < Math.max(...SOURCES.map((d) => newestMtime(join(ROOT, d))));
  if (!stale) return { built: false };
  const r = spawnSync('pnpm', ['run', 'build'], { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pnpm run build failed (exit ${r.status})${quiet ? `:\n${r.stdout}\n${r.stderr}` : ''}`);
  return { built: true };
}
