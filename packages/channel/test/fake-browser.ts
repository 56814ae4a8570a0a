/**
 * A fake transport: windows with origins, postMessage delivery with a real structured clone and
 * real MessagePorts (Node's), `event.source` as the sender's window proxy seen from the receiver,
 * and iframes that can reload, navigate elsewhere or leave the DOM. No browser, no mocks of ours.
 */
import type { ChannelWindow } from '../src/index';

type Listener = (e: unknown) => void;

export interface WindowProxyFake {
  postMessage(data: unknown, targetOrigin: string, transfer?: MessagePort[]): void;
}

export class FakeWindow {
  readonly origin: string;
  parent: WindowProxyFake;
  #listeners = new Set<Listener>();
  #loadListeners = new Set<Listener>();
  /** 'complete' by default: a frame script that runs after its document loaded says HELLO at once. */
  readonly document: { readyState: DocumentReadyState };
  #proxies = new Map<FakeWindow, WindowProxyFake>();
  readonly MessageChannel = MessageChannel;
  readonly setTimeout = globalThis.setTimeout;
  readonly clearTimeout = globalThis.clearTimeout;

  constructor(origin: string, readyState: DocumentReadyState = 'complete') {
    this.origin = origin;
    this.document = { readyState };
    this.parent = this.proxyFor(this);
  }

  addEventListener(type: string, fn: Listener): void {
    if (type === 'message') this.#listeners.add(fn);
    if (type === 'load') this.#loadListeners.add(fn);
  }

  removeEventListener(type: string, fn: Listener): void {
    if (type === 'message') this.#listeners.delete(fn);
    if (type === 'load') this.#loadListeners.delete(fn);
  }

  get listenerCount(): number {
    return this.#listeners.size + this.#loadListeners.size;
  }

  /** This document finished loading: its window `load` fires (before its iframe's, as in a browser). */
  finishLoading(): void {
    if (this.document.readyState === 'complete') return;
    this.document.readyState = 'complete';
    for (const fn of [...this.#loadListeners]) fn({});
  }

  /** This window as `viewer` sees it: posting through it sends from `viewer` to this window. */
  proxyFor(viewer: FakeWindow): WindowProxyFake {
    let proxy = this.#proxies.get(viewer);
    if (!proxy) {
      proxy = {
        postMessage: (data, targetOrigin, transfer = []) => {
          if (targetOrigin === '*') throw new Error('test: targetOrigin "*" used');
          const cloned = structuredClone(data); // throws DataCloneError like a browser
          if (targetOrigin !== this.origin) return; // the browser drops it silently
          setTimeout(() => this.deliver({ data: cloned, origin: viewer.origin, source: viewer.proxyFor(this), ports: transfer }), 0);
        },
      };
      this.#proxies.set(viewer, proxy);
    }
    return proxy;
  }

  deliver(event: { data: unknown; origin: string; source: unknown; ports: readonly MessagePort[] }): void {
    for (const fn of [...this.#listeners]) fn(event);
  }

  asChannelWindow(): ChannelWindow & { parent: Window } {
    return this as unknown as ChannelWindow & { parent: Window };
  }
}

export class FakeIframe {
  contentWindow: WindowProxyFake | null;
  isConnected = true;
  #page: FakeWindow;
  #document: FakeWindow;
  #load = new Set<() => void>();

  constructor(page: FakeWindow, frame: FakeWindow) {
    this.#page = page;
    this.#document = frame;
    this.contentWindow = frame.proxyFor(page);
    frame.parent = page.proxyFor(frame);
  }

  addEventListener(type: string, fn: () => void): void {
    if (type === 'load') this.#load.add(fn);
  }

  removeEventListener(type: string, fn: () => void): void {
    if (type === 'load') this.#load.delete(fn);
  }

  /** The current document's window `load`, then the iframe's `load` on the page. */
  fireLoad(): void {
    this.#document.finishLoading();
    for (const fn of [...this.#load]) fn();
  }

  /** A new document (a reload, or a takeover by another origin) replaces the current one. */
  navigate(next: FakeWindow): void {
    this.#document = next;
    this.contentWindow = next.proxyFor(this.#page);
    next.parent = this.#page.proxyFor(next);
  }

  remove(): void {
    this.isConnected = false;
    this.contentWindow = null;
  }

  get loadListeners(): number {
    return this.#load.size;
  }

  asElement(): HTMLIFrameElement {
    return this as unknown as HTMLIFrameElement;
  }
}

export const PAGE = 'http://localhost:5173';
export const FRAMES = 'http://127.0.0.1:4001';
/** The publishable key every fake frame is served for. */
export const PK = 'pk_test_channel';
export const MOUNT = 'mount_0123456789';
export const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));
