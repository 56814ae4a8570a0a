// `pnpm vault …` from the workspace root: runs the vault CLI (apps/vault/src/cli/main.ts) with tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync('pnpm', ['exec', 'tsx', 'apps/vault/src/cli/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
