// A vault server in its own process for the throughput bench: `node --import tsx src/vault-process.ts`
// with the vault's environment (data dir or DATABASE_URL, REDIS_URL, master key, public URLs). Prints
// one JSON line with where the API listens, then serves until SIGTERM. On SIGUSR2 it prints one JSON
// line `{cpuMs, sql, tx, redis}`: the CPU time it used and the round trips it made so far (the bench
// takes the difference around each timed run). Logs go through the vault's logger into a sink, as in
// the in-process run, so both pay the same logging cost.
import { createLogger, loadVaultConfig, startVault } from '@tokenframe/vault';
import { countRoundTrips, roundTrips } from '../../apps/vault/bench/count-round-trips';

countRoundTrips();
// Error lines (pino level ≥ 50) also go to stderr, so the bench can say why a request failed.
const logger = createLogger({ destination: { write: (line: string) => void (/"level":(5|6)0/.test(line) && process.stderr.write(line)) } });
const vault = await startVault(loadVaultConfig({ ...process.env, PORT: '0', FRAMES_PORT: '0' }), { logger });
process.stdout.write(`${JSON.stringify({ api: vault.listening.api })}\n`);
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, ...roundTrips() })}\n`);
});
process.once('SIGTERM', () => void vault.stop().then(() => process.exit(0)));
