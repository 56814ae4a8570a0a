import type { FrameEvent, FrameEventName } from '@tokenframe/protocol';
import type { ChannelError } from './channel-error';

type Handler = (payload: never) => void;
interface Signals {
  reconnect: undefined;
  failure: ChannelError;
}

/** Typed handler lists for frame events and the connection's own signals (`reconnect`, `failure`). */
export class FrameEvents {
  #handlers = new Map<string, Set<Handler>>();

  on(name: FrameEventName, handler: Handler): () => void {
    return this.#add(`event:${name}`, handler);
  }

  off(name: FrameEventName, handler: Handler): void {
    this.#handlers.get(`event:${name}`)?.delete(handler);
  }

  onSignal<S extends keyof Signals>(name: S, handler: (payload: Signals[S]) => void): () => void {
    return this.#add(`signal:${name}`, handler as Handler);
  }

  emit(event: FrameEvent): void {
    this.#run(`event:${event.name}`, event);
  }

  signal<S extends keyof Signals>(name: S, ...payload: Signals[S] extends undefined ? [] : [Signals[S]]): void {
    this.#run(`signal:${name}`, payload[0]);
  }

  clear(): void {
    this.#handlers.clear();
  }

  #add(key: string, handler: Handler): () => void {
    if (typeof handler !== 'function') throw new TypeError(`The handler for "${key}" must be a function.`);
    let set = this.#handlers.get(key);
    if (!set) this.#handlers.set(key, (set = new Set()));
    set.add(handler);
    return () => void this.#handlers.get(key)?.delete(handler);
  }

  #run(key: string, payload: unknown): void {
    for (const handler of [...(this.#handlers.get(key) ?? [])]) {
      try {
        (handler as (p: unknown) => void)(payload);
      } catch (error) {
        // A merchant handler's bug must not break the channel, nor be swallowed: report it on its own.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
