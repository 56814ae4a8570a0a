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
 * 3. later, a valid HELLO means the frame document reloaded: a new port, then `onReconnect` runs;
 *    a HELLO (first or later) whose `pk` is not the one this iframe was built with is our own frame
 *    document re-navigated under another key (a page script can do that with the same mount id):
 *    `frame_integrity`, whatever the state. The page origin needs no such check: a frame served for
 *    another origin posts its HELLO to that origin, and the browser never delivers it here;
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
 * This runs on the merchant page, where every byte counts (packages/sdk/CONTRIBUTING.md, "Sizes"): one
 * closure, callbacks instead of an event registry (the SDK has its own), and short messages (the error
 * code says what happened; channel-error.ts lists what each code means).
 */
import {
  isCompatibleVersion,
  isFrameEvent,
  isFrameReply,
  isHelloMessage,
  MAX_REQUEST_ID,
  NS,
  PROTOCOL_VERSION,
} from '@tokenframe/protocol';
import type { FrameEvent, FrameRole, PageErrorCode, RequestMethod, TokenizeResult } from '@tokenframe/protocol';
import { captureGlobals } from './captured-globals';
import { ChannelError } from './channel-error';
import { checkOrigin } from './check-origin';
import type { ChannelWindow, ParamsOf } from './types';

export interface ConnectToFrameOptions {
  iframe: HTMLIFrameElement;
  /** Canonical origin of the frames server, e.g. `http://127.0.0.1:4001`. */
  frameOrigin: string;
  mount: string;
  /** The publishable key the iframe's URL carries; every HELLO must name it. */
  pk: string;
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
  /** Every event the frame sends over the port, after its guard. */
  onEvent?: (event: FrameEvent) => void;
  /** The frame document reloaded and said a valid HELLO again: it starts empty. */
  onReconnect?: () => void;
  /** The connection failed after `ready` (`frame_integrity`); runs once. */
  onFailure?: (error: ChannelError) => void;
  window?: ChannelWindow;
}

export interface FrameConnection {
  /** Resolves once HELLO + CONNECT are done; rejects with a ChannelError. */
  readonly ready: Promise<void>;
  /** Sends one request over the port (queued until connected); resolves with the frame's result. */
  request<M extends RequestMethod>(method: M, params?: ParamsOf<M>, timeoutMs?: number): Promise<TokenizeResult | null>;
  /** Idempotent: rejects pending requests with `destroyed`, closes the port, removes every listener. */
  destroy(): void;
}

type Timer = ReturnType<typeof setTimeout>;
type Outcome = TokenizeResult | null | ChannelError;

export function connectToFrame(options: ConnectToFrameOptions): FrameConnection {
  const { iframe, mount, role, timeoutMs = 10_000, reloadTimeoutMs = 5_000, helloLeadMs = 1_000, requestTimeoutMs = 30_000 } = options;
  // No re-check of `mount` here (38 B of the page budget, paid for the `pk` check below): the SDK makes
  // it from 128 random bits, and a malformed one could never connect, since the HELLO guard only
  // accepts mount ids of the MOUNT_ID form.
  const origin = checkOrigin(options.frameOrigin, 'frameOrigin');
  const g = captureGlobals(options.window ?? (globalThis as unknown as ChannelWindow));

  /** `connected` once a HELLO was answered; `ended` after a failure or destroy (final). */
  let state: 'connecting' | 'connected' | 'ended' = 'connecting';
  let failure: ChannelError | undefined;
  let port: MessagePort | undefined;
  let queue: { id: number }[] = [];
  const pending = new Map<
    number,
    [resolve: (result: TokenizeResult | null) => void, reject: (error: ChannelError) => void, timer: Timer]
  >();
  let next = 1;
  /** A HELLO waiting for its iframe `load` (at most one: each frame document says HELLO once). */
  let helloFirst: Timer | undefined;
  /** Iframe `load`s still waiting for their HELLO, and (once connected) the clock they run against. */
  let owed = 0;
  let integrityTimer: Timer | undefined;
  let settleReady!: (error?: ChannelError) => void;
  const ready = new Promise<void>((resolve, reject) => (settleReady = (error) => (error ? reject(error) : resolve())));
  ready.catch(() => {}); // callers see the rejection when they await; no unhandled noise otherwise

  const clear = (timer: Timer | undefined): undefined => void (timer !== undefined && g.clearTimeout(timer));

  /** `code`, unless the iframe left the page (or lost its document): then `frame_removed`. */
  const gone = (code: PageErrorCode, message: string): ChannelError =>
    !iframe.isConnected || iframe.contentWindow === null
      ? new ChannelError('frame_removed', 'the iframe left the page')
      : new ChannelError(code, message);

  /** Resolves (a result) or rejects (a ChannelError) the request `id`, if it is still pending. */
  const settle = (id: number, outcome: Outcome): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    g.clearTimeout(p[2]);
    if (outcome instanceof ChannelError) p[1](outcome);
    else p[0](outcome);
  };
  const rejectAll = (error: ChannelError): void => {
    for (const id of [...pending.keys()]) settle(id, error);
  };
  /** A message that cannot be cloned (a Proxy, a function) fails its own request, never the handshake. */
  const post = (message: { id: number }): void => {
    try {
      port?.postMessage(message);
    } catch {
      settle(message.id, new ChannelError('invalid_argument', 'request params must be plain JSON'));
    }
  };

  /** Enters the final state: timers, pending requests, port and listeners go; `ready` settles if it had not. */
  const end = (error: ChannelError): void => {
    const was = state;
    state = 'ended';
    failure = error;
    helloFirst = clear(helloFirst);
    integrityTimer = clear(integrityTimer);
    rejectAll(error);
    queue = [];
    port?.close();
    port = undefined;
    for (const stop of stops.splice(0).reverse()) stop();
    if (was === 'connecting') settleReady(error);
    else if (error.code !== 'destroyed') options.onFailure?.(error);
  };

  const replaced = (): void => end(new ChannelError('frame_integrity', 'the frame was replaced by a foreign document'));
  const armIntegrity = (): void => {
    integrityTimer ??= g.setTimeout(replaced, reloadTimeoutMs);
  };

  /** Pairs this HELLO with a `load` that is owed one, or lets it wait `helloLeadMs` for its own. */
  const coverLoad = (): void => {
    if (owed > 0) {
      if (--owed > 0)
        armIntegrity(); // loads owed from before the first HELLO run from now
      else integrityTimer = clear(integrityTimer);
      return;
    }
    clear(helloFirst); // an unpaired HELLO is dropped, never banked
    helloFirst = g.setTimeout(() => (helloFirst = undefined), helloLeadMs);
  };

  const onLoad = (): void => {
    if (state === 'ended') return;
    if (helloFirst !== undefined) {
      helloFirst = clear(helloFirst);
      return;
    }
    owed++;
    // Before the first HELLO, an unpaired load (a 403 page, a slow boot) is frame_load_timeout's business.
    if (state === 'connected') armIntegrity();
  };

  const onPortMessage = (m: MessageEvent): void => {
    if (m.ports.length > 0) {
      for (const p of m.ports) p.close(); // nothing legitimate ever sends a port here
      return;
    }
    const data: unknown = m.data;
    if (isFrameReply(data)) settle(data.id, data.ok ? data.result : new ChannelError(data.error.code, data.error.message, data.error.type));
    else if (isFrameEvent(data)) options.onEvent?.(data);
  };

  const onWindowMessage = (e: MessageEvent): void => {
    const source = iframe.contentWindow;
    if (state === 'ended' || source === null || e.source !== source || e.origin !== origin) return;
    const hello: unknown = e.data;
    if (!isHelloMessage(hello) || hello.mount !== mount || (role !== undefined && hello.role !== role)) return;
    if (!isCompatibleVersion(hello.v))
      return end(new ChannelError('incompatible_version', `frame speaks ${hello.v}, SDK ${PROTOCOL_VERSION}`));
    if (hello.pk !== options.pk) return replaced();
    const channel = new g.MessageChannel();
    source.postMessage({ ns: NS, v: PROTOCOL_VERSION, type: 'connect', mount }, origin, [channel.port2]);
    const reconnect = state === 'connected';
    if (port) {
      port.close();
      rejectAll(new ChannelError('frame_removed', 'the frame reloaded'));
    }
    port = channel.port1;
    port.onmessage = onPortMessage;
    state = 'connected';
    coverLoad();
    for (const message of queue.splice(0)) post(message);
    if (reconnect) options.onReconnect?.();
    else settleReady();
  };

  iframe.addEventListener('load', onLoad);
  const loadTimer = g.setTimeout(
    () => state === 'connecting' && end(gone('frame_load_timeout', 'no HELLO from the frame in time')),
    timeoutMs,
  );
  const stops = [g.listen('message', onWindowMessage), () => iframe.removeEventListener('load', onLoad), () => g.clearTimeout(loadTimer)];

  return {
    ready,
    request(method, params, ms = requestTimeoutMs) {
      if (failure) return Promise.reject(failure);
      const id = next;
      next = id >= MAX_REQUEST_ID ? 1 : id + 1;
      const promise = new Promise<TokenizeResult | null>((resolve, reject) => {
        const timer = g.setTimeout(() => settle(id, failure ?? gone('timeout', `the frame did not answer ${method} in time: retry`)), ms);
        pending.set(id, [resolve, reject, timer]);
      });
      const message = params === undefined ? { ns: NS, type: 'request', id, method } : { ns: NS, type: 'request', id, method, params };
      if (port) post(message);
      else queue.push(message);
      return promise;
    },
    destroy() {
      if (state !== 'ended') end(new ChannelError('destroyed', 'connection destroyed'));
    },
  };
}
