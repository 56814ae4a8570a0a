// `pnpm vault …` (scripts/vault.mjs runs this file with tsx).
import { createLogger } from '../log/create-logger';
import { startVault } from '../server/start-vault';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);

if (argv[0] === 'start') {
  const logger = createLogger();
  try {
    const vault = await startVault({ logger });
    console.error(`Tokenframe vault: API ${vault.apiUrl}  frames ${vault.framesUrl}  data ${vault.vault.dataDir}`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'shutting down');
        vault.stop().then(
          () => process.exit(0),
          (e: unknown) => {
            console.error(e);
            process.exit(1);
          },
        );
      });
    }
  } catch (e) {
    console.error(`Tokenframe vault did not start: ${(e as Error).message}`);
    process.exit(1);
  }
} else {
  process.exitCode = await runCli(argv, { out: (s) => console.log(s), err: (s) => console.error(s) });
}
