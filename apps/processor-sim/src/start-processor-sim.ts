import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSimApp } from './create-sim-app';
import type { FaultBoard } from './faults/fault-board';
import { Ledger } from './ledger';
import type { RequestLog } from './request-log';
import { SIM_DEFAULTS, type SimConfig } from './sim-config';

export interface RunningProcessorSim {
  /** Base URL, e.g. http://127.0.0.1:4100 (the gateway is under /cardconnect/rest). */
  url: string;
  config: SimConfig;
  ledger: Ledger;
  requests: RequestLog;
  faults: FaultBoard;
  /** Stops listening and cuts every connection (held ones too). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the simulator. Every option defaults to SIM_DEFAULTS (no environment is read here:
 * main.ts does that), so `startProcessorSim({ port: 0 })` is a fresh one on an ephemeral port.
 */
export async function startProcessorSim(opts: Partial<SimConfig> & { now?: () => Date } = {}): Promise<RunningProcessorSim> {
  const { now = () => new Date(), ...overrides } = opts;
  const config: SimConfig = { ...SIM_DEFAULTS, ...overrides };
  const ledger = new Ledger(config.stateFile);
  const closing = new AbortController();
  const { app, faults, requests } = createSimApp({ ledger, config, now }, closing.signal);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { url: `http://${host}:${port}`, config: { ...config, port }, ledger, requests, faults, close };
}
