// Child process for throughput.ts: a vault on ephemeral ports; prints its bound API address.
import { createLogger } from '../src/log/create-logger';
import { startVault } from '../src/server/start-vault';

const vault = await startVault({ env: { ...process.env, PORT: '0', FRAMES_PORT: '0' }, logger: createLogger({ level: 'warn', destination: { write: () => undefined } }) });
process.stdout.write(`${JSON.stringify({ api: vault.listening.api })}\n`);
process.on('SIGTERM', () => void vault.stop().then(() => process.exit(0)));
