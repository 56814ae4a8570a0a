import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one data folder shared by the server, the CLI and the demo (DESIGN.md, "The origins"):
 * `TOKENFRAME_DATA_DIR` (config.dataDir), else `.tokenframe/` at the workspace root. The root is found from this
 * file's location (the folder holding pnpm-workspace.yaml), never from the working directory,
 * so `pnpm vault …` run from anywhere lands in the same place.
 */
export function defaultDataDir(): string {
  return join(workspaceRoot(), '.tokenframe');
}

/** Creates the data folder (owner only) if it is missing; returns it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Tokenframe: could not find the workspace root (pnpm-workspace.yaml) above apps/vault.');
    dir = up;
  }
}
