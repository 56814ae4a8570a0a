import { misuse } from './tokenframe-error';

type Handler<T> = (event: T) => void;

/**
 * The base of Field and Fields: a tiny typed emitter for the public `on/off/once` surface. Unknown event names throw
 * (a typo would otherwise fail silently); a handler that throws does not stop the others and is
 * reported asynchronously, like a DOM listener's error.
 */
export class Emitter<M extends object> {
  readonly #names: readonly string[];
  /** Per event: each handler, and whether it runs only once. */
  readonly #handlers = new Map<keyof M, Map<Handler<never>, boolean>>();

  constructor(names: readonly (keyof M & string)[]) {
    this.#names = names;
  }

  on<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    return this.#add(name, handler, false);
  }

  once<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    return this.#add(name, handler, true);
  }

  off<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    this.#handlers.get(name)?.delete(handler as Handler<never>);
    return this;
  }

  protected emit<K extends keyof M>(name: K, event: M[K]): void {
    const handlers = this.#handlers.get(name);
    for (const [handler, once] of [...(handlers ?? [])]) {
      if (once) handlers?.delete(handler);
      try {
        (handler as Handler<M[K]>)(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  protected offAll(): void {
    this.#handlers.clear();
  }

  #add<K extends keyof M>(name: K, handler: Handler<M[K]>, once: boolean): this {
    if (!this.#names.includes(name as string)) misuse(`unknown event '${String(name)}': use ${this.#names}.`);
    if (typeof handler !== 'function') misuse('the handler must be a function.');
    let handlers = this.#handlers.get(name);
    if (!handlers) this.#handlers.set(name, (handlers = new Map()));
    handlers.set(handler as Handler<never>, once);
    return this;
  }
}
