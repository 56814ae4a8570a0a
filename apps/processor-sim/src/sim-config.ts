/** What the simulator is configured with: one merchant, its API credentials, where it listens. */
export interface SimConfig {
  merchid: string;
  username: string;
  password: string;
  host: string;
  /** 0 picks an ephemeral port (tests). */
  port: number;
  /** Optional JSON file the ledger is kept in across restarts; in memory only without it. */
  stateFile?: string;
  /** Currencies the merchant is set up for (others answer PPS 32 "Wrong currency for merch"). */
  currencies: readonly string[];
}

export const SIM_DEFAULTS: Readonly<SimConfig> = Object.freeze({
  merchid: '800000000001',
  username: 'testing',
  password: 'testing123',
  host: '127.0.0.1',
  port: 4100,
  currencies: Object.freeze(['USD']),
});

/** Reads PROCESSOR_SIM_* variables over the defaults; throws on a value that cannot work. */
export function loadSimConfig(env: NodeJS.ProcessEnv = process.env): SimConfig {
  const port = env.PROCESSOR_SIM_PORT === undefined || env.PROCESSOR_SIM_PORT === '' ? SIM_DEFAULTS.port : Number(env.PROCESSOR_SIM_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PROCESSOR_SIM_PORT must be a port number (0–65535), got "${env.PROCESSOR_SIM_PORT}".`);
  }
  const merchid = env.PROCESSOR_SIM_MERCHID || SIM_DEFAULTS.merchid;
  if (!/^\d{1,16}$/.test(merchid)) throw new Error(`PROCESSOR_SIM_MERCHID must be digits, got "${merchid}".`);
  const currencies = env.PROCESSOR_SIM_CURRENCIES
    ? env.PROCESSOR_SIM_CURRENCIES.split(',').map((c) => c.trim().toUpperCase())
    : SIM_DEFAULTS.currencies;
  if (currencies.some((c) => !/^[A-Z]{3}$/.test(c))) throw new Error(`PROCESSOR_SIM_CURRENCIES must be ISO 4217 codes such as "USD,CAD".`);
  return {
    merchid,
    username: env.PROCESSOR_SIM_USERNAME || SIM_DEFAULTS.username,
    password: env.PROCESSOR_SIM_PASSWORD || SIM_DEFAULTS.password,
    host: env.PROCESSOR_SIM_HOST || SIM_DEFAULTS.host,
    port,
    currencies,
    ...(env.PROCESSOR_SIM_STATE_FILE ? { stateFile: env.PROCESSOR_SIM_STATE_FILE } : {}),
  };
}
