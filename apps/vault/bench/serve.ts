// Child process for throughput.ts: a vault on ephemeral ports; prints its bound API address, and
// on SIGTERM the CPU time it used (so the bench can tell server cost from client and scheduling) and
// the SQL statements, transactions and Redis round trips it made (count-round-trips.ts).
import { countRoundTrips, roundTrips } from './count-round-trips';
import { createLogger } from '../src/log/create-logger';
import { loadVaultConfig } from '../src/config/vault-config';
import { startVault } from '../src/server/start-vault';

countRoundTrips();
const vault = await startVault(loadVaultConfig({ ...process.env, PORT: '0', FRAMES_PORT: '0' }), {
  logger: createLogger({ level: 'warn', destination: { write: () => undefined } }),
});
process.stdout.write(`${JSON.stringify({ api: vault.listening.api })}\n`);
const started = process.cpuUsage();
process.on('SIGTERM', () => {
  const cpu = process.cpuUsage(started);
  process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, ...roundTrips() })}\n`);
  void vault.stop().then(() => process.exit(0));
});
