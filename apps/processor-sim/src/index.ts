// The public surface of @tokenframe/processor-sim (tests, the demo, e2e and bench): an explicit list.
export { startProcessorSim } from './start-processor-sim';
export type { RunningProcessorSim } from './start-processor-sim';
export { loadSimConfig, SIM_DEFAULTS } from './sim-config';
export type { SimConfig } from './sim-config';
export { createSimApp } from './create-sim-app';
export { gatewayToken } from './gateway-token';
export { Ledger } from './ledger';
export type { TxnRecord, SetlStat } from './txn-record';
export type { LoggedRequest } from './request-log';
export type { ArmedFault, Endpoint } from './faults/fault-board';
export { TIMEOUT_CARDS, PARTIAL_APPROVAL_CARD } from './sandbox-cards';
