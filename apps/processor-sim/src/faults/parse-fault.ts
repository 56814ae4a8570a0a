/** What a fault does to one request, after an optional delay. */
export type FaultAction =
  { kind: 'status'; status: number } | { kind: 'reset' } | { kind: 'accept-then-timeout'; holdMs?: number } | { kind: 'accept-then-reset' };

export interface Fault {
  /** Wait this long before handling the request (it is still handled if the client gave up). */
  delayMs: number;
  action?: FaultAction;
}

export const MAX_FAULT_MS = 120_000;

const SYNTAX =
  'X-Sim-Fault takes comma-separated directives: delay=<ms>, and at most one of status=<400–599>, reset, ' +
  'accept-then-timeout[=<ms>], accept-then-reset (apps/processor-sim/README.md, "Faults").';

/** Parses the fault syntax shared by the `X-Sim-Fault` header and `POST /__sim/faults`. */
export function parseFault(text: string): Fault | { error: string } {
  const fault: Fault = { delayMs: 0 };
  const directives = text
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  if (directives.length === 0) return { error: `An empty fault. ${SYNTAX}` };
  for (const directive of directives) {
    const [name, value, extra] = directive.split('=').map((p) => p.trim()) as [string, string | undefined, string | undefined];
    const ms = value === undefined ? undefined : /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (extra !== undefined || (ms !== undefined && !(ms <= MAX_FAULT_MS)))
      return { error: `"${directive}" is not a fault directive (at most ${MAX_FAULT_MS} ms). ${SYNTAX}` };
    let action: FaultAction | undefined;
    if (name === 'delay' && ms !== undefined) {
      fault.delayMs = ms;
      continue;
    } else if (name === 'status' && ms !== undefined && ms >= 400 && ms <= 599) action = { kind: 'status', status: ms };
    else if (name === 'reset' && ms === undefined) action = { kind: 'reset' };
    else if (name === 'accept-then-timeout')
      action = ms === undefined ? { kind: 'accept-then-timeout' } : { kind: 'accept-then-timeout', holdMs: ms };
    else if (name === 'accept-then-reset' && ms === undefined) action = { kind: 'accept-then-reset' };
    else return { error: `"${directive}" is not a fault directive. ${SYNTAX}` };
    if (fault.action) return { error: `"${text}" names two faults. ${SYNTAX}` };
    fault.action = action;
  }
  return fault;
}
