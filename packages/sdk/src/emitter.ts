import { misuse } from './tokenframe-error';

type Handler<T> = (event: T) => void;

/**
 * The base of Field and Fields: a tiny typed emitter for the public `on/off/once` surface. Unknown event names throw
 * (a typo would otherwise fail silently); a handler that throws does not stop the others and is
 * reported asynchronously, like a DOM listener's error.
 */
export class Emitter<M extends object> {
  readonly #names: readonly string[];
  readonly #handlers = new Map<keyof M, Set<Handler<never>>>();
  readonly #onceWrappers = new WeakMap<Handler<never>, Handler<never>>();

  constructor(names: readonly (keyof M & string)[]) {
    this.#names = names;
  }

  on<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    if (!this.#names.includes(name as string)) misuse(`unknown event '${String(name)}': use ${this.#names}.`);
    if (typeof handler !== 'function') misuse('the handler must be a function.');
    let set = this.#handlers.get(name);
    if (!set) this.#handlers.set(name, (set = new Set()));
    set.add(handler as Handler<never>);
    return this;
  }

  once<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    const wrapper: Handler<M[K]> = (event) => {
      this.off(name, handler);
      handler(event);
    };
    this.#onceWrappers.set(handler as Handler<never>, wrapper as Handler<never>);
    return this.on(name, wrapper);
  }

  off<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    const set = this.#handlers.get(name);
    set?.delete(handler as Handler<never>);
    const wrapper = this.#onceWrappers.get(handler as Handler<never>);
    if (wrapper) set?.delete(wrapper);
    return this;
  }

  protected emit<K extends keyof M>(name: K, event: M[K]): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
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
}
