import { parseFault, type Fault } from './parse-fault';

/** The gateway endpoints a fault can be aimed at (the first path segment after /cardconnect/rest/). */
export const ENDPOINTS = ['auth', 'capture', 'void', 'refund', 'inquire', 'inquireByOrderid', 'voidByOrderId', ''] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface ArmedFault {
  id: number;
  fault: string;
  /** Requests it still applies to. */
  remaining: number;
  /** Only requests to this endpoint; any gateway request when absent. */
  match?: Endpoint;
}

/**
 * Faults armed through `POST /__sim/faults`: each applies to the next `count` authenticated
 * gateway requests (of its `match` endpoint), in the order armed. A request carrying an
 * `X-Sim-Fault` header uses that instead and consumes nothing here.
 */
export class FaultBoard {
  #armed: (ArmedFault & { parsed: Fault })[] = [];
  #nextId = 1;

  arm(fault: string, count = 1, match?: Endpoint): ArmedFault | { error: string } {
    const parsed = parseFault(fault);
    if ('error' in parsed) return parsed;
    const armed = { id: this.#nextId++, fault, remaining: count, ...(match !== undefined ? { match } : {}), parsed };
    this.#armed.push(armed);
    return this.#view(armed);
  }

  /** The fault for this request, if one is armed for its endpoint (consumes one use). */
  take(endpoint: string): { fault: Fault; text: string } | undefined {
    const armed = this.#armed.find((a) => a.match === undefined || a.match === endpoint);
    if (!armed) return undefined;
    if (--armed.remaining <= 0) this.#armed = this.#armed.filter((a) => a !== armed);
    return { fault: armed.parsed, text: armed.fault };
  }

  list(): ArmedFault[] {
    return this.#armed.map((a) => this.#view(a));
  }

  clear(): void {
    this.#armed = [];
  }

  #view({ parsed: _parsed, ...view }: ArmedFault & { parsed: Fault }): ArmedFault {
    return { ...view };
  }
}
