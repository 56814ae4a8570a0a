import { afterAll, beforeAll } from 'vitest';
import { startProcessorSim, type RunningProcessorSim } from '../../src/index';
import type { SimConfig } from '../../src/sim-config';

export const MERCHID = '800000000001';
export const BASIC = `Basic ${Buffer.from('testing:testing123').toString('base64')}`;

/** A gateway answer: string values; the fields tests read by name are typed as present. */
export interface Answer {
  [field: string]: string;
  retref: string;
  account: string;
  amount: string;
  setlstat: string;
  voidable: string;
  refundable: string;
  capture: string;
}

/** A minimal CardPointe client over real HTTP, as the vault's connector would be. */
export class SimClient {
  constructor(
    readonly url: string,
    readonly authorization: string | null = BASIC,
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.authorization ? { authorization: this.authorization } : {}), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  }

  /** PUT /cardconnect/rest/<endpoint>, expecting HTTP 200 JSON. */
  async put(endpoint: string, body: unknown, headers?: Record<string, string>): Promise<Answer> {
    const res = await this.call('PUT', `/cardconnect/rest/${endpoint}`, body, headers);
    if (res.status !== 200) throw new Error(`PUT ${endpoint}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Answer;
  }

  async get<T = Answer>(path: string): Promise<T> {
    const res = await this.call('GET', `/cardconnect/rest/${path}`);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  auth(fields: Record<string, string>, headers?: Record<string, string>): Promise<Answer> {
    return this.put(
      'auth',
      { merchid: MERCHID, account: '4111111111111111', expiry: '1249', amount: '10.00', currency: 'USD', ...fields },
      headers,
    );
  }

  async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, `/__sim/${path}`, body);
    if (!res.ok) throw new Error(`${method} /__sim/${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** One simulator for the file (port 0), reset before each test by the caller when it needs a clean ledger. */
export function useSim(opts: Partial<SimConfig> & { now?: () => Date } = {}): { sim: () => RunningProcessorSim; client: () => SimClient } {
  let sim: RunningProcessorSim | undefined;
  let client: SimClient | undefined;
  beforeAll(async () => {
    sim = await startProcessorSim({ port: 0, ...opts });
    client = new SimClient(sim.url);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return { sim: () => sim as RunningProcessorSim, client: () => client as SimClient };
}
