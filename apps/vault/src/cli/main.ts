// `pnpm vault …` (scripts/vault.mjs runs this file with tsx).
import { processEnv } from '../config/process-env';
import { loadVaultConfig } from '../config/vault-config';
import { createLogger } from '../log/create-logger';
import { startVault } from '../server/start-vault';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);

if (argv[0] === 'start') {
  try {
    const config = loadVaultConfig(processEnv());
    const logger = createLogger({ level: config.logLevel ?? 'info' });
    const vault = await startVault(config, { logger });
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
  process.exitCode = await runCli(argv, { env: processEnv(), out: (s) => console.log(s), err: (s) => console.error(s) });
}
