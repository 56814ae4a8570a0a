/**
 * Page side of the handshake (DESIGN.md, "The channel", steps 3–4 and 9–10).
 *
 * Requirements: trust a HELLO only when it comes from this iframe's current window
 * (`event.source === iframe.contentWindow`), from exactly the frames origin (`===`), for this mount;
 * answer with a fresh MessagePort posted to exactly that origin; after that, use only the port.
 * Anything else on the window is dropped silently and never throws.
 *
 * Steps:
 * 1. listen for `message` on the page window and `load` on the iframe;
 * 2. valid HELLO → CONNECT with port2 → `ready` resolves; incompatible major → `incompatible_version`;
 *    no valid HELLO within `timeoutMs` → `frame_load_timeout` (or `frame_removed` if the iframe left);
 * 3. later, a valid HELLO means the frame document reloaded: a new port, then `reconnect` handlers run;
 *    an iframe `load` not matched by a HELLO within `reloadTimeoutMs` means another document took the
 *    iframe's place: the connection fails with `frame_integrity` and every request rejects.
 *
 * Pairing (the takeover check): the frame says HELLO from its own window `load` (accept-parent.ts), so
 * every frame document sends exactly one HELLO, at the moment its iframe `load` is about to fire. Each
 * iframe `load` needs one HELLO of its own and each HELLO pays for one `load`: HELLO after the `load`
 * (within `reloadTimeoutMs`), or HELLO first and its `load` within `helloLeadMs`. Nothing is granted in
 * advance: a HELLO sent while the document was still loading would let a foreign document, navigated in
 * before that `load`, spend it (the review's fake-browser case in connection.test.ts).
 *
 * This runs on the merchant page, where every byte counts (packages/sdk/README.md, "Sizes"): requests,
 * handlers and teardown live in this one class instead of helper classes, and messages are short
 * (the error code says what happened; channel-error.ts lists what each code means).
 */
import { isCompatibleVersion, isFrameEvent, isFrameReply, isHelloMessage, isMountId, MAX_REQUEST_ID, NS, PROTOCOL_VERSION } from '@tokenframe/protocol';
import type { ErrorCode, FrameEventName, FrameRole, RequestMethod, TokenizeResult } from '@tokenframe/protocol';
import { captureGlobals, type Captured } from './captured-globals';
import { ChannelError } from './channel-error';
import { checkOrigin } from './check-origin';
import type { ChannelWindow, FrameEventOf, ParamsOf, RequestOptions } from './types';

export interface ConnectToFrameOptions {
  iframe: HTMLIFrameElement;
  /** Canonical origin of the frames server, e.g. `http://127.0.0.1:4001`. */
  frameOrigin: string;
  mount: string;
  /** When set, a HELLO from another role is dropped. */
  role?: FrameRole;
  /** Insert → HELLO budget. Default 10 s. */
  timeoutMs?: number;
  /** Iframe `load` → HELLO budget after a reload. Default 5 s. */
  reloadTimeoutMs?: number;
  /** How long a HELLO that came first waits for its iframe `load`. Default 1 s (they are sent together). */
  helloLeadMs?: number;
  /** Default per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
  window?: ChannelWindow;
}

type State = 'connecting' | 'connected' | 'failed' | 'destroyed';
type Timer = ReturnType<typeof setTimeout>;
type Handler = (payload: never) => void;
interface Pending {
  resolve(result: TokenizeResult | null): void;
  reject(error: ChannelError): void;
  timer: Timer;
}
/** Signals share the handler map with frame events under names no event has. */
const RECONNECT = ':reconnect';
const FAILURE = ':failure';

export class FrameConnection {
  /** Resolves once HELLO + CONNECT are done; rejects with a ChannelError. */
  readonly ready: Promise<void>;
  readonly #iframe: HTMLIFrameElement;
  readonly #origin: string;
  readonly #mount: string;
  readonly #role: FrameRole | undefined;
  readonly #reloadMs: number;
  readonly #leadMs: number;
  readonly #requestMs: number;
  readonly #g: Captured;
  #state: State = 'connecting';
  #failure: ChannelError | undefined;
  #port: MessagePort | undefined;
  #queue: { id: number }[] = [];
  #pending = new Map<number, Pending>();
  #next = 1;
  #handlers = new Map<string, Set<Handler>>();
  #stops: (() => void)[] = [];
  #settleReady!: (error?: ChannelError) => void;
  /** A HELLO waiting for its iframe `load` (at most one: each frame document says HELLO once). */
  #helloFirst: Timer | undefined;
  /** Iframe `load`s still waiting for their HELLO, and (once connected) the clock they run against. */
  #owed = 0;
  #integrityTimer: Timer | undefined;

  constructor(options: ConnectToFrameOptions) {
    const { iframe, mount, timeoutMs = 10_000 } = options;
    if (typeof iframe !== 'object' || iframe === null) throw new ChannelError('invalid_argument', 'connectToFrame needs the iframe element.');
    if (!isMountId(mount)) throw new ChannelError('invalid_argument', 'mount must be 8–64 of [A-Za-z0-9_-].');
    this.#iframe = iframe;
    this.#mount = mount;
    this.#role = options.role;
    this.#origin = checkOrigin(options.frameOrigin, 'frameOrigin');
    this.#reloadMs = options.reloadTimeoutMs ?? 5_000;
    this.#leadMs = options.helloLeadMs ?? 1_000;
    this.#requestMs = options.requestTimeoutMs ?? 30_000;
    const g = (this.#g = captureGlobals(options.window ?? (globalThis as unknown as ChannelWindow)));
    this.ready = new Promise<void>((resolve, reject) => (this.#settleReady = (error) => (error ? reject(error) : resolve())));
    this.ready.catch(() => {}); // callers see the rejection when they await; no unhandled noise otherwise
    const onLoad = (): void => this.#onLoad();
    iframe.addEventListener('load', onLoad);
    const timer = g.setTimeout(() => {
      if (this.#state === 'connecting') this.#fail(this.#gone('frame_load_timeout', 'no HELLO from the frame in time'));
    }, timeoutMs);
    this.#stops.push(
      g.listen('message', (e) => this.#onWindowMessage(e)),
      () => iframe.removeEventListener('load', onLoad),
      () => g.clearTimeout(timer),
    );
  }

  /** Sends one request over the port; resolves with the frame's result, rejects with a ChannelError. */
  request<M extends RequestMethod>(method: M, params?: ParamsOf<M>, options: RequestOptions = {}): Promise<TokenizeResult | null> {
    if (this.#state === 'destroyed') return Promise.reject(destroyedError());
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next;
    this.#next = id >= MAX_REQUEST_ID ? 1 : id + 1;
    const promise = new Promise<TokenizeResult | null>((resolve, reject) => {
      const timer = this.#g.setTimeout(
        () => this.#settle(id, this.#failure ?? this.#gone('timeout', `the frame did not answer ${method} in time: retry`)),
        options.timeoutMs ?? this.#requestMs,
      );
      this.#pending.set(id, { resolve, reject, timer });
    });
    const message = params === undefined ? { ns: NS, type: 'request', id, method } : { ns: NS, type: 'request', id, method, params };
    if (this.#port) this.#post(message);
    else this.#queue.push(message);
    return promise;
  }

  on<N extends FrameEventName>(name: N, handler: (event: FrameEventOf<N>) => void): () => void {
    return this.#on(name, handler);
  }

  off<N extends FrameEventName>(name: N, handler: (event: FrameEventOf<N>) => void): void {
    this.#handlers.get(name)?.delete(handler as Handler);
  }

  /** Runs after the frame document reloaded and said a valid HELLO again (it starts empty). */
  onReconnect(handler: () => void): () => void {
    return this.#on(RECONNECT, handler);
  }

  /** Runs once if the connection fails after `ready` (e.g. `frame_integrity`). */
  onFailure(handler: (error: ChannelError) => void): () => void {
    return this.#on(FAILURE, handler);
  }

  /** Idempotent: rejects pending requests with `destroyed`, closes the port, removes every listener. */
  destroy(): void {
    if (this.#state === 'destroyed') return;
    this.#end('destroyed', destroyedError());
    this.#handlers.clear();
  }

  #on(name: string, handler: Handler): () => void {
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    let set = this.#handlers.get(name);
    if (!set) this.#handlers.set(name, (set = new Set()));
    set.add(handler);
    return () => void this.#handlers.get(name)?.delete(handler);
  }

  #emit(name: string, payload?: unknown): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
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

  /** `code`, unless the iframe left the page (or lost its document): then `frame_removed`. */
  #gone(code: ErrorCode, message: string): ChannelError {
    const gone = !this.#iframe.isConnected || this.#iframe.contentWindow === null;
    return new ChannelError(gone ? 'frame_removed' : code, gone ? 'the iframe left the page' : message);
  }

  #onWindowMessage(e: MessageEvent): void {
    if (this.#state !== 'connecting' && this.#state !== 'connected') return;
    const source = this.#iframe.contentWindow;
    if (source === null || e.source !== source || e.origin !== this.#origin) return;
    const hello: unknown = e.data;
    if (!isHelloMessage(hello) || hello.mount !== this.#mount) return;
    if (this.#role !== undefined && hello.role !== this.#role) return;
    if (!isCompatibleVersion(hello.v)) {
      this.#fail(new ChannelError('incompatible_version', `frame speaks ${hello.v}, SDK ${PROTOCOL_VERSION}`));
      return;
    }
    this.#connect(source);
  }

  #connect(source: Window): void {
    const { port1, port2 } = new this.#g.MessageChannel();
    source.postMessage({ ns: NS, v: PROTOCOL_VERSION, type: 'connect', mount: this.#mount }, this.#origin, [port2]);
    const reconnect = this.#state === 'connected';
    if (this.#port) {
      this.#port.close();
      this.#rejectAll(new ChannelError('frame_removed', 'the frame reloaded'));
    }
    this.#port = port1;
    port1.onmessage = (m) => this.#onPortMessage(m);
    this.#state = 'connected';
    this.#coverLoad();
    for (const message of this.#queue.splice(0)) this.#post(message);
    if (reconnect) this.#emit(RECONNECT);
    else this.#settleReady();
  }

  /** Pairs this HELLO with a `load` that is owed one, or lets it wait `helloLeadMs` for its own. */
  #coverLoad(): void {
    if (this.#owed > 0) {
      if (--this.#owed > 0) this.#armIntegrity(); // loads owed from before the first HELLO run from now
      else if (this.#integrityTimer !== undefined) {
        this.#g.clearTimeout(this.#integrityTimer);
        this.#integrityTimer = undefined;
      }
      return;
    }
    if (this.#helloFirst !== undefined) this.#g.clearTimeout(this.#helloFirst); // an unpaired HELLO is dropped, never banked
    this.#helloFirst = this.#g.setTimeout(() => (this.#helloFirst = undefined), this.#leadMs);
  }

  #onLoad(): void {
    if (this.#state !== 'connecting' && this.#state !== 'connected') return;
    if (this.#helloFirst !== undefined) {
      this.#g.clearTimeout(this.#helloFirst);
      this.#helloFirst = undefined;
      return;
    }
    this.#owed++;
    // Before the first HELLO, an unpaired load (a 403 page, a slow boot) is frame_load_timeout's business.
    if (this.#state === 'connected') this.#armIntegrity();
  }

  #armIntegrity(): void {
    this.#integrityTimer ??= this.#g.setTimeout(() => {
      this.#integrityTimer = undefined;
      this.#fail(new ChannelError('frame_integrity', 'the frame was replaced by a foreign document'));
    }, this.#reloadMs);
  }

  #onPortMessage(m: MessageEvent): void {
    if (m.ports.length > 0) {
      for (const p of m.ports) p.close(); // nothing legitimate ever sends a port here
      return;
    }
    const data: unknown = m.data;
    if (isFrameReply(data)) this.#settle(data.id, data.ok ? data.result : new ChannelError(data.error.code, data.error.message));
    else if (isFrameEvent(data)) this.#emit(data.name, data);
  }

  /** Resolves (a result) or rejects (a ChannelError) the request `id`, if it is still pending. */
  #settle(id: number, outcome: TokenizeResult | null | ChannelError): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    this.#g.clearTimeout(p.timer);
    if (outcome instanceof ChannelError) p.reject(outcome);
    else p.resolve(outcome);
  }

  #rejectAll(error: ChannelError): void {
    for (const id of [...this.#pending.keys()]) this.#settle(id, error);
  }

  #post(message: { id: number }): void {
    try {
      this.#port?.postMessage(message);
    } catch {
      this.#settle(message.id, new ChannelError('invalid_argument', 'request params must be plain JSON'));
    }
  }

  #fail(error: ChannelError): void {
    const wasConnected = this.#state === 'connected';
    this.#failure = error;
    this.#end('failed', error);
    if (wasConnected) this.#emit(FAILURE, error);
  }

  /** Enters a final state: timers, pending requests, port and listeners go; `ready` settles if it had not. */
  #end(state: State, error: ChannelError): void {
    const connecting = this.#state === 'connecting';
    this.#state = state;
    for (const t of [this.#helloFirst, this.#integrityTimer]) if (t !== undefined) this.#g.clearTimeout(t);
    this.#helloFirst = this.#integrityTimer = undefined;
    this.#rejectAll(error);
    this.#queue = [];
    this.#port?.close();
    this.#port = undefined;
    for (const stop of this.#stops.splice(0).reverse()) stop();
    if (connecting) this.#settleReady(error);
  }
}

const destroyedError = (): ChannelError => new ChannelError('destroyed', 'connection destroyed');

export function connectToFrame(options: ConnectToFrameOptions): FrameConnection {
  return new FrameConnection(options);
}
