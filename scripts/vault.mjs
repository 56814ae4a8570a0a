// `pnpm vault …` from the workspace root: runs the vault CLI (apps/vault/src/cli/main.ts) with tsx.
// SIGINT/SIGTERM are forwarded so `pnpm vault start` shuts down gracefully (drains requests, flushes
// pending commits, closes the database) whoever sends the signal.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', 'apps/vault/src/cli/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
