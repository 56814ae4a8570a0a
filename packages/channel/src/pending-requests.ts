import { LIMITS } from '@tokenframe/protocol';
import type { TokenizeResult } from '@tokenframe/protocol';
import type { ChannelError } from './channel-error';

interface Pending {
  resolve(result: TokenizeResult | null): void;
  reject(error: ChannelError): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (t: ReturnType<typeof setTimeout>) => void;
}

/** Requests in flight, by numeric id, each with its own timeout. */
export class PendingRequests {
  #next = 1;
  #pending = new Map<number, Pending>();
  #timers: Timers;

  constructor(timers: Timers) {
    this.#timers = timers;
  }

  /** Registers a request; `onTimeout` decides which error a timeout becomes (e.g. `frame_removed`). */
  add(timeoutMs: number, onTimeout: () => ChannelError): { id: number; promise: Promise<TokenizeResult | null> } {
    const id = this.#next;
    this.#next = id >= LIMITS.maxRequestId ? 1 : id + 1;
    const promise = new Promise<TokenizeResult | null>((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => this.reject(id, onTimeout()), timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
    });
    return { id, promise };
  }

  resolve(id: number, result: TokenizeResult | null): void {
    this.#take(id)?.resolve(result);
  }

  reject(id: number, error: ChannelError): void {
    this.#take(id)?.reject(error);
  }

  rejectAll(error: () => ChannelError): void {
    for (const id of [...this.#pending.keys()]) this.reject(id, error());
  }

  #take(id: number): Pending | undefined {
    const p = this.#pending.get(id);
    if (p === undefined) return undefined;
    this.#pending.delete(id);
    this.#timers.clearTimeout(p.timer);
    return p;
  }
}
