// `pnpm --filter @tokenframe/processor-sim start`: the simulator on PROCESSOR_SIM_HOST:PORT
// (127.0.0.1:4100), until SIGINT/SIGTERM.
import { loadSimConfig } from './sim-config';
import { startProcessorSim } from './start-processor-sim';

const sim = await startProcessorSim(loadSimConfig(process.env));
process.stdout.write(
  `processor-sim (CardPointe Gateway dialect) listening on ${sim.url}/cardconnect/rest/ ` +
    `merchid ${sim.config.merchid}, user ${sim.config.username}${sim.config.stateFile ? `, state ${sim.config.stateFile}` : ''}\n`,
);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
