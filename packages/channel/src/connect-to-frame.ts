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
 *    (A HELLO and its document's `load` may arrive in either order; each HELLO covers one `load`.)
 */
import { isCompatibleVersion, isFrameEvent, isFrameReply, isHelloMessage, isMountId, NS, PROTOCOL_VERSION } from '@tokenframe/protocol';
import type { ConnectMessage, FrameEventName, FrameRole, RequestMethod, TokenizeResult } from '@tokenframe/protocol';
import { captureGlobals } from './captured-globals';
import type { Captured } from './captured-globals';
import { ChannelError } from './channel-error';
import { checkOrigin } from './check-origin';
import { Cleanup } from './cleanup';
import { FrameEvents } from './frame-events';
import { PendingRequests } from './pending-requests';
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
  /** Default per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
  window?: ChannelWindow;
}

type State = 'connecting' | 'connected' | 'failed' | 'destroyed';

export class FrameConnection {
  /** Resolves once HELLO + CONNECT are done; rejects with a ChannelError. */
  readonly ready: Promise<void>;
  #o: Required<Omit<ConnectToFrameOptions, 'role' | 'window'>> & { role: FrameRole | undefined };
  #g: Captured;
  #state: State = 'connecting';
  #failure: ChannelError | undefined;
  #port: MessagePort | undefined;
  #queue: unknown[] = [];
  #pending: PendingRequests;
  #events = new FrameEvents();
  #cleanup = new Cleanup();
  #settleReady!: (error?: ChannelError) => void;
  #helloCredit: ReturnType<typeof setTimeout> | undefined;
  #integrityTimer: ReturnType<typeof setTimeout> | undefined;
  #loadBeforeHello = false;

  constructor(options: ConnectToFrameOptions) {
    const { iframe, mount, role } = options;
    if (typeof iframe !== 'object' || iframe === null) throw new ChannelError('invalid_argument', 'connectToFrame needs the iframe element it should talk to.');
    if (!isMountId(mount)) throw new ChannelError('invalid_argument', 'mount must be 8–64 characters of A–Z, a–z, 0–9, "_" or "-".');
    this.#o = {
      iframe,
      mount,
      role,
      frameOrigin: checkOrigin(options.frameOrigin, 'frameOrigin'),
      timeoutMs: options.timeoutMs ?? 10_000,
      reloadTimeoutMs: options.reloadTimeoutMs ?? 5_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    };
    this.#g = captureGlobals(options.window ?? (globalThis as unknown as ChannelWindow));
    this.#pending = new PendingRequests(this.#g);
    this.ready = new Promise<void>((resolve, reject) => {
      this.#settleReady = (error) => (error ? reject(error) : resolve());
    });
    this.ready.catch(() => {}); // callers see the rejection when they await; no unhandled noise otherwise
    this.#cleanup.add(this.#g.listen('message', (e) => this.#onWindowMessage(e)));
    const onLoad = (): void => this.#onLoad();
    iframe.addEventListener('load', onLoad);
    this.#cleanup.add(() => iframe.removeEventListener('load', onLoad));
    const timer = this.#g.setTimeout(() => {
      if (this.#state !== 'connecting') return;
      this.#fail(
        this.#iframeGone()
          ? new ChannelError('frame_removed', 'The iframe was removed from the page before the frame said HELLO.')
          : new ChannelError('frame_load_timeout', `The frame did not say HELLO within ${this.#o.timeoutMs} ms. Check the frames URL, the publishable key and its allowed origins.`),
      );
    }, this.#o.timeoutMs);
    this.#cleanup.add(() => this.#g.clearTimeout(timer));
  }

  /** Sends one request over the port; resolves with the frame's result, rejects with a ChannelError. */
  request<M extends RequestMethod>(method: M, params?: ParamsOf<M>, options: RequestOptions = {}): Promise<TokenizeResult | null> {
    if (this.#state === 'destroyed') return Promise.reject(new ChannelError('destroyed', 'This frame connection was destroyed.'));
    if (this.#failure) return Promise.reject(this.#failure);
    const { id, promise } = this.#pending.add(options.timeoutMs ?? this.#o.requestTimeoutMs, () =>
      this.#failure ?? (this.#iframeGone()
        ? new ChannelError('frame_removed', `The iframe was removed from the page before answering "${method}".`)
        : new ChannelError('timeout', `The frame did not answer "${method}" in time.`)),
    );
    const message = params === undefined ? { ns: NS, type: 'request', id, method } : { ns: NS, type: 'request', id, method, params };
    if (this.#port) this.#post(id, message);
    else this.#queue.push(message);
    return promise;
  }

  on<N extends FrameEventName>(name: N, handler: (event: FrameEventOf<N>) => void): () => void {
    return this.#events.on(name, handler);
  }

  off<N extends FrameEventName>(name: N, handler: (event: FrameEventOf<N>) => void): void {
    this.#events.off(name, handler);
  }

  /** Runs after the frame document reloaded and said a valid HELLO again (it starts empty). */
  onReconnect(handler: () => void): () => void {
    return this.#events.onSignal('reconnect', handler);
  }

  /** Runs once if the connection fails after `ready` (e.g. `frame_integrity`). */
  onFailure(handler: (error: ChannelError) => void): () => void {
    return this.#events.onSignal('failure', handler);
  }

  /** Idempotent: rejects pending requests with `destroyed`, closes the port, removes every listener. */
  destroy(): void {
    if (this.#state === 'destroyed') return;
    const wasConnecting = this.#state === 'connecting';
    this.#state = 'destroyed';
    const error = new ChannelError('destroyed', 'This frame connection was destroyed.');
    this.#teardown(() => error);
    if (wasConnecting) this.#settleReady(error);
    this.#events.clear();
  }

  #iframeGone(): boolean {
    return !this.#o.iframe.isConnected || this.#o.iframe.contentWindow === null;
  }

  #onWindowMessage(e: MessageEvent): void {
    if (this.#state !== 'connecting' && this.#state !== 'connected') return;
    const source = this.#o.iframe.contentWindow;
    if (source === null || e.source !== source || e.origin !== this.#o.frameOrigin) return;
    const hello: unknown = e.data;
    if (!isHelloMessage(hello) || hello.mount !== this.#o.mount) return;
    if (this.#o.role !== undefined && hello.role !== this.#o.role) return;
    if (!isCompatibleVersion(hello.v)) {
      this.#fail(new ChannelError('incompatible_version', `The frame speaks protocol ${hello.v}; this SDK speaks ${PROTOCOL_VERSION}. Load matching SDK and frame versions.`));
      return;
    }
    this.#connect(source);
  }

  #connect(source: Window): void {
    const { port1, port2 } = new this.#g.MessageChannel();
    const connect: ConnectMessage = { ns: NS, v: PROTOCOL_VERSION, type: 'connect', mount: this.#o.mount };
    source.postMessage(connect, this.#o.frameOrigin, [port2]);
    const reconnect = this.#state === 'connected';
    if (this.#port) {
      this.#port.close();
      this.#pending.rejectAll(() => new ChannelError('frame_removed', 'The frame reloaded before answering.'));
    }
    this.#port = port1;
    port1.onmessage = (m) => this.#onPortMessage(m);
    this.#coverLoad(); // before the state changes: it needs to know whether this is the first HELLO
    this.#state = 'connected';
    for (const message of this.#queue.splice(0)) this.#post((message as { id: number }).id, message);
    if (reconnect) this.#events.signal('reconnect');
    else this.#settleReady();
  }

  /** A HELLO covers one iframe `load`: the one already waiting, or the next within reloadTimeoutMs. */
  #coverLoad(): void {
    if (this.#integrityTimer !== undefined) {
      this.#g.clearTimeout(this.#integrityTimer);
      this.#integrityTimer = undefined;
      return;
    }
    if (this.#helloCredit !== undefined) this.#g.clearTimeout(this.#helloCredit);
    if (this.#state === 'connecting' && this.#loadBeforeHello) return; // the first document's load came first
    this.#helloCredit = this.#g.setTimeout(() => (this.#helloCredit = undefined), this.#o.reloadTimeoutMs);
  }

  #onLoad(): void {
    if (this.#state === 'connecting') this.#loadBeforeHello = true;
    if (this.#state !== 'connected') return;
    if (this.#helloCredit !== undefined) {
      this.#g.clearTimeout(this.#helloCredit);
      this.#helloCredit = undefined;
      return;
    }
    if (this.#integrityTimer !== undefined) return;
    this.#integrityTimer = this.#g.setTimeout(() => {
      this.#integrityTimer = undefined;
      this.#fail(new ChannelError('frame_integrity', 'The card frame was replaced by a document that is not a Tokenframe frame. Reload the page to continue.'));
    }, this.#o.reloadTimeoutMs);
  }

  #onPortMessage(m: MessageEvent): void {
    if (m.ports.length > 0) {
      for (const p of m.ports) p.close(); // nothing legitimate ever sends a port here
      return;
    }
    const data: unknown = m.data;
    if (isFrameReply(data)) {
      if (data.ok) this.#pending.resolve(data.id, data.result);
      else this.#pending.reject(data.id, new ChannelError(data.error.code, data.error.message));
    } else if (isFrameEvent(data)) {
      this.#events.emit(data);
    }
  }

  #post(id: number, message: unknown): void {
    try {
      this.#port?.postMessage(message);
    } catch {
      this.#pending.reject(id, new ChannelError('invalid_argument', 'Request params must be plain JSON values.'));
    }
  }

  #fail(error: ChannelError): void {
    const wasConnecting = this.#state === 'connecting';
    this.#state = 'failed';
    this.#failure = error;
    this.#teardown(() => error);
    if (wasConnecting) this.#settleReady(error);
    else this.#events.signal('failure', error);
  }

  #teardown(error: () => ChannelError): void {
    for (const t of [this.#helloCredit, this.#integrityTimer]) if (t !== undefined) this.#g.clearTimeout(t);
    this.#helloCredit = this.#integrityTimer = undefined;
    this.#pending.rejectAll(error);
    this.#queue = [];
    this.#port?.close();
    this.#port = undefined;
    this.#cleanup.run();
  }
}

export function connectToFrame(options: ConnectToFrameOptions): FrameConnection {
  return new FrameConnection(options);
}
