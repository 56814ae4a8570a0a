/**
 * Frame side of the handshake (DESIGN.md, "The channel", steps 3 and 5–7).
 *
 * Requirements: say HELLO only to the page origin this document was served for (never `*`), once,
 * from this document's own window `load` (the page pairs one HELLO with each iframe `load`);
 * accept exactly ONE CONNECT, and only when `event.source === window.parent`, `event.origin ===
 * parentOrigin` (so `null` never passes), the mount id matches, the major version matches, and it
 * carries exactly one port. Then stop listening on the window and speak only over that port.
 * Requests are answered by registered handlers; outgoing events and results are checked by the
 * same guards the page uses, so a bug here cannot push card data to the page.
 */
import {
  isClosedErrorShape,
  isCompatibleVersion,
  isConnectMessage,
  isFrameEvent,
  isMountId,
  isPageRequest,
  isTokenizeResult,
  NS,
  PROTOCOL_VERSION,
} from '@tokenframe/protocol';
import type {
  FrameReply,
  FrameRole,
  HelloMessage,
  PageRequest,
  RequestMethod,
  TokenframeErrorShape,
  TokenizeResult,
} from '@tokenframe/protocol';
import { captureGlobals } from './captured-globals';
import { ChannelError } from './channel-error';
import { checkOrigin } from './check-origin';
import { Cleanup } from './cleanup';
import type { ChannelWindow, FrameEventInput, RequestHandler } from './types';

export interface AcceptParentOptions {
  /** The page origin this frame was served for (the `origin` query parameter the vault checked). */
  parentOrigin: string;
  /** The publishable key this frame was served for; HELLO names it, so the page can refuse another key's frame. */
  pk: string;
  mount: string;
  role: FrameRole;
  window?: FrameWindow;
}

/** The frame's own window: `document.readyState` says whether its `load` already fired. */
type FrameWindow = ChannelWindow & { parent: Window; document?: { readyState: DocumentReadyState } };

const MAX_QUEUED_EVENTS = 100;

export class ParentConnection {
  /** Resolves when the one CONNECT has been accepted. */
  readonly connected: Promise<void>;
  #parentOrigin: string;
  #mount: string;
  #parent: Window;
  #port: MessagePort | undefined;
  #queue: unknown[] = [];
  #handlers = new Map<RequestMethod, RequestHandler<RequestMethod>>();
  #cleanup = new Cleanup();
  #destroyed = false;
  #resolve!: () => void;

  constructor(options: AcceptParentOptions) {
    this.#parentOrigin = checkOrigin(options.parentOrigin, 'parentOrigin');
    if (!isMountId(options.mount))
      throw new ChannelError('invalid_argument', 'mount must be 8–64 characters of A–Z, a–z, 0–9, "_" or "-".');
    this.#mount = options.mount;
    const win = options.window ?? (globalThis as unknown as FrameWindow);
    this.#parent = win.parent;
    this.connected = new Promise((resolve) => (this.#resolve = resolve));
    const g = captureGlobals(win);
    const stop = g.listen('message', (e) => this.#onWindowMessage(e, stop));
    this.#cleanup.add(stop);
    const hello: HelloMessage = { ns: NS, v: PROTOCOL_VERSION, type: 'hello', mount: this.#mount, role: options.role, pk: options.pk };
    const sayHello = (): void => this.#parent.postMessage(hello, this.#parentOrigin);
    // HELLO only once this document has loaded: the page pairs it with this document's iframe `load`, so a
    // document navigated in before our `load` (which then never comes) cannot pass for us (connect-to-frame.ts).
    if (win.document === undefined || win.document.readyState === 'complete') sayHello();
    else {
      const stopLoad = g.listen('load', () => {
        stopLoad();
        if (!this.#destroyed) sayHello();
      });
      this.#cleanup.add(stopLoad);
    }
  }

  /** Registers the handler for one request method; returns a function that removes it. */
  handle<M extends RequestMethod>(method: M, handler: RequestHandler<M>): () => void {
    this.#handlers.set(method, handler as unknown as RequestHandler<RequestMethod>);
    return () => void this.#handlers.delete(method);
  }

  /** Sends an event to the page (queued until connected). Throws if it is not a valid FrameEvent. */
  emit(event: FrameEventInput): void {
    const message = { ns: NS, type: 'event', ...event };
    // The page checks only the form of error codes; the sender checks the closed set.
    if (!isFrameEvent(message) || (message.name === 'loaderror' && !isClosedErrorShape(message.detail)))
      throw new ChannelError('invalid_argument', `Not a valid frame event: "${String(event.name)}".`);
    if (this.#destroyed) return;
    if (this.#port) this.#port.postMessage(message);
    else if (this.#queue.length < MAX_QUEUED_EVENTS) this.#queue.push(message);
  }

  /** Idempotent: closes the port and removes the window listener. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#port?.close();
    this.#port = undefined;
    this.#queue = [];
    this.#cleanup.run();
  }

  #onWindowMessage(e: MessageEvent, stop: () => void): void {
    if (this.#port || this.#destroyed) return;
    if (e.source !== this.#parent || e.origin !== this.#parentOrigin) return;
    const data: unknown = e.data;
    if (!isConnectMessage(data) || data.mount !== this.#mount || !isCompatibleVersion(data.v)) return;
    const port = e.ports.length === 1 ? e.ports[0] : undefined;
    if (port === undefined) return;
    stop(); // exactly one CONNECT: the window is never listened to again
    this.#port = port;
    this.#cleanup.add(() => port.close());
    port.onmessage = (m) => this.#onPortMessage(m);
    for (const message of this.#queue.splice(0)) port.postMessage(message);
    this.#resolve();
  }

  #onPortMessage(m: MessageEvent): void {
    if (m.ports.length > 0) {
      for (const p of m.ports) p.close(); // nothing legitimate ever sends a port here
      return;
    }
    const request: unknown = m.data;
    if (!isPageRequest(request)) return;
    const handler = this.#handlers.get(request.method);
    if (!handler) {
      this.#reply(request, {
        type: 'integration_error',
        code: 'invalid_argument',
        message: `This frame does not handle "${request.method}".`,
      });
      return;
    }
    const params = 'params' in request ? request.params : undefined;
    Promise.resolve()
      .then(() => handler(params as never))
      .then(
        (result) =>
          result === null || (isTokenizeResult(result) && (!('error' in result) || isClosedErrorShape(result.error)))
            ? this.#reply(request, undefined, result)
            : this.#reply(request, { type: 'api_error', code: 'internal_error', message: 'The frame produced an invalid result.' }),
        () =>
          this.#reply(request, { type: 'api_error', code: 'internal_error', message: `The frame failed to handle "${request.method}".` }),
      );
  }

  #reply(request: PageRequest, error?: TokenframeErrorShape, result: TokenizeResult | null = null): void {
    const reply: FrameReply = error
      ? { ns: NS, type: 'reply', id: request.id, ok: false, error }
      : { ns: NS, type: 'reply', id: request.id, ok: true, result };
    this.#port?.postMessage(reply);
  }
}

export function acceptParent(options: AcceptParentOptions): ParentConnection {
  return new ParentConnection(options);
}
