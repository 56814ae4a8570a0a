// The processor simulator's fault switches (POST /__sim/faults, apps/processor-sim/src/admin-routes.ts)
// and its request log: what a fault spec arms before pressing Pay, and what it reads afterwards to
// see how the vault recovered (inquire, void).
import { e2eEnv } from './e2e-env';

const AUTH = `Basic ${Buffer.from('testing:testing123').toString('base64')}`;
const sim = (path: string, init: RequestInit = {}) =>
  fetch(`${e2eEnv().urls.processor}/__sim${path}`, {
    ...init,
    headers: { authorization: AUTH, 'content-type': 'application/json', ...init.headers },
  });

/** Arms `fault` (e.g. "status=502", "accept-then-timeout") for the next `count` gateway requests to `match`. */
export async function armFault(fault: string, match: string, count = 1): Promise<void> {
  const res = await sim('/faults', { method: 'POST', body: JSON.stringify({ fault, match, count }) });
  if (res.status !== 201) throw new Error(`POST /__sim/faults ${fault}: ${res.status} ${await res.text()}`);
}

export async function clearFaults(): Promise<void> {
  const res = await sim('/faults', { method: 'DELETE' });
  if (!res.ok) throw new Error(`DELETE /__sim/faults: ${res.status}`);
}

export interface SimRequest {
  method: string;
  path: string;
  endpoint: string;
  /** The JSON body, card data masked (PUT/POST). */
  body?: unknown;
  fault?: string;
  outcome?: number | 'reset' | 'timeout';
}

/** Every gateway request the simulator received, oldest first. */
export async function simRequests(): Promise<SimRequest[]> {
  const res = await sim('/requests');
  if (!res.ok) throw new Error(`GET /__sim/requests: ${res.status}`);
  return ((await res.json()) as { requests: SimRequest[] }).requests;
}
