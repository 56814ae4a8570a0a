// A vault server in its own process for the throughput bench: `node --import tsx src/vault-process.ts`
// with the vault's environment (data dir, master key, public URLs). Prints one JSON line with where
// the API listens, then serves until SIGTERM. Logs go through the vault's logger into a sink, as in
// the in-process run, so both pay the same logging cost.
import { createLogger, startVault } from '@tokenframe/vault';

const logger = createLogger({ destination: { write: () => undefined } });
const vault = await startVault({ env: { ...process.env, PORT: '0', FRAMES_PORT: '0' }, logger });
process.stdout.write(`${JSON.stringify({ api: vault.listening.api })}\n`);
process.once('SIGTERM', () => void vault.stop().then(() => process.exit(0)));
