// A throwaway vault for checks outside the vault's own tests (scripts/check-packages.mjs): both
// listeners on ephemeral ports, a fresh data folder and master key, a test account with a
// publishable key for the given origins and a `tokens:read` secret key. The one place such checks
// touch the vault's internals (loadVaultConfig, startVault, runCli), so a vault restructuring changes only this file.
//
//   node --import tsx scripts/lib/test-vault.ts --origin http://localhost:5173 [--origin …]
//   → one JSON line on stdout: {"apiUrl","framesUrl","publishableKey","secretKey"}; runs until
//     SIGTERM/SIGINT or stdin closes, then stops the vault and deletes its data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../../apps/vault/src/cli/run-cli';
import { loadVaultConfig } from '../../apps/vault/src/config/vault-config';
import { createLogger } from '../../apps/vault/src/log/create-logger';
import { startVault } from '../../apps/vault/src/server/start-vault';

const { values } = parseArgs({ options: { origin: { type: 'string', multiple: true } } });
const origins = values.origin ?? [];
if (!origins.length) throw new Error('test-vault: pass at least one --origin for the publishable key.');

const dataDir = mkdtempSync(join(tmpdir(), 'tf-test-vault-'));
const env = { TOKENFRAME_DATA_DIR: dataDir, TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64') };

async function cli(...argv: string[]): Promise<{ key: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--json'], { env, out: (s) => void (out += s), err: (s) => void (err += s) });
  if (code !== 0) throw new Error(`vault ${argv.slice(0, 2).join(' ')} failed: ${err}`);
  return JSON.parse(out) as { key: string };
}

// Logs go to stderr (the caller keeps them for its error message); stdout carries only the JSON line.
const logger = createLogger({ destination: { write: (s: string) => void process.stderr.write(s) } });
const vault = await startVault(loadVaultConfig({ PORT: '0', FRAMES_PORT: '0', ...env }), { logger });
let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= vault.stop().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
process.stdin.on('end', () => void stop()).resume();

try {
  await cli('accounts', 'create', '--name', 'scratch');
  const pk = await cli(
    'keys',
    'create',
    '--account',
    'scratch',
    '--type',
    'publishable',
    '--env',
    'test',
    ...origins.flatMap((o) => ['--origin', o]),
  );
  const sk = await cli('keys', 'create', '--account', 'scratch', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read');
  process.stdout.write(
    `${JSON.stringify({ apiUrl: vault.apiUrl, framesUrl: vault.framesUrl, publishableKey: pk.key, secretKey: sk.key })}\n`,
  );
} catch (error) {
  process.stderr.write(`${String(error)}\n`);
  await stop();
}
