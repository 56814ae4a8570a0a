import type { ChangeDetail, FieldConfig, FieldType, FrameEvent, TokenframeErrorShape } from '@tokenframe/protocol';
import { checkFieldConfig } from './check-options';
import { Emitter } from './emitter';
import { openFrame, type FrameContext, type OpenFrame } from './open-frame';
import { misuse, toTokenframeError, type TokenframeError } from './tokenframe-error';

export interface FieldEvent {
  field: FieldType;
}
export interface FieldEventMap {
  ready: FieldEvent;
  change: ChangeDetail;
  focus: FieldEvent;
  blur: FieldEvent;
  escape: FieldEvent;
  submit: FieldEvent;
  loaderror: TokenframeErrorShape & FieldEvent;
}
const FIELD_EVENTS = ['ready', 'change', 'focus', 'blur', 'escape', 'submit', 'loaderror'] as const;

export interface MountOptions {
  /** Aborting unmounts the field and rejects the pending `mount()` with the signal's reason. */
  signal?: AbortSignal;
}

/** What a field needs from its group (`Fields`): the shared frame context and the controller. */
export interface FieldHost extends FrameContext {
  readonly config: FieldConfig;
  /** Registers a mounting field; returns the group's mount id and the controller's readiness. */
  attach(field: Field): { mount: string; controllerReady: Promise<void> };
  detach(field: Field): void;
  changed(field: Field, detail: ChangeDetail): void;
  removed(field: Field): void;
}

const noop = (): void => undefined;

/** One secure input: an iframe from the frames origin plus its channel. Created by `fields.create()`. */
export class Field extends Emitter<FieldEventMap> {
  readonly type: FieldType;
  readonly #host: FieldHost;
  #config: FieldConfig;
  #frame?: OpenFrame;
  #teardown: (() => void)[] = [];
  #settle?: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };
  #ready = false;
  #focused = false;
  #broken = false;
  #destroyed = false;

  constructor(host: FieldHost, type: FieldType, options: unknown) {
    super(FIELD_EVENTS);
    this.#host = host;
    this.type = type;
    this.#config = checkFieldConfig(`create('${type}')`, options);
  }

  get focused(): boolean {
    return this.#focused;
  }
  /** True after the frame reloaded without a valid HELLO: its content can no longer be trusted. */
  get broken(): boolean {
    return this.#broken;
  }

  /**
   * Inserts the frame into `target` (a selector, an element or a shadow root) and resolves when the
   * field and its group's controller are ready. Rejects with the `loaderror` (a TokenframeError).
   */
  mount(target: string | Element | ShadowRoot, { signal }: MountOptions = {}): Promise<void> {
    if (this.#destroyed) misuse(`this ${this.type} field was destroyed: create a new one.`);
    if (this.#frame) misuse(`${this.type} is already mounted: call unmount() first.`);
    const container = this.#resolve(target);
    if (signal?.aborted) return Promise.reject(signal.reason);

    const { mount, controllerReady } = this.#host.attach(this);
    const frame = (this.#frame = openFrame(this.#host, this.type, mount, {
      config: () => ({ ...this.#host.config, ...this.#config }),
      onEvent: (event) => this.#onEvent(event),
      // A reload with a valid HELLO: the frame starts empty.
      onReconnect: () =>
        this.#onEvent({ ns: 'tokenframe', type: 'event', name: 'change', detail: { field: this.type, empty: true, complete: false } }),
      onBroken: (error) => {
        this.#broken = true;
        this.#fail(error);
      },
    }));
    const { connection, iframe } = frame;
    this.#teardown.push(
      () => this.#host.detach(this),
      () => connection.destroy(),
      () => iframe.remove(),
    );

    let settle!: { resolve: () => void; reject: (error: unknown) => void };
    const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    this.#settle = { promise, ...settle };
    if (signal) {
      const onAbort = (): void => this.#unmount(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#teardown.push(() => signal.removeEventListener('abort', onAbort));
    }
    container.appendChild(iframe);

    Promise.all([frame.ready, controllerReady]).then(
      () => {
        if (this.#frame !== frame || !this.#settle) return;
        this.#ready = true;
        this.#settle.resolve();
        this.#settle = undefined;
        this.emit('ready', { field: this.type });
      },
      (error: unknown) => this.#frame === frame && this.#fail(toTokenframeError(error)),
    );
    return promise;
  }

  /** Applies new options (merged with the current ones) to a mounted or future frame. */
  update(options: FieldConfig): void {
    this.#config = { ...this.#config, ...checkFieldConfig(`update() of '${this.type}'`, options) };
    if (this.#ready)
      this.#frame?.connection
        .request('configure', { ...this.#host.config, ...this.#config })
        .catch((error: unknown) => this.#fail(toTokenframeError(error)));
  }

  focus(): void {
    if (!this.#ready || !this.#frame) return;
    // Focusing the element first lets browsers that gate cross-frame focus accept the request.
    this.#frame.iframe.focus();
    this.#frame.connection.request('focus').catch(noop);
  }
  blur(): void {
    if (this.#ready) this.#frame?.connection.request('blur').catch(noop);
  }
  clear(): void {
    if (this.#ready) this.#frame?.connection.request('clear').catch(noop);
  }

  /** Removes the frame, its listeners and its port. The field can be mounted again. */
  unmount(): void {
    this.#unmount(new DOMException('unmounted', 'AbortError'));
  }

  /** Unmounts and frees the field type, so `fields.create()` can make a new one. Idempotent. */
  destroy(): void {
    if (this.#destroyed) return;
    this.unmount();
    this.#destroyed = true;
    this.offAll();
    this.#host.removed(this);
  }

  #unmount(reason: unknown): void {
    const settle = this.#settle;
    this.#settle = undefined;
    for (const step of this.#teardown.splice(0).reverse()) step();
    this.#frame = undefined;
    this.#ready = this.#focused = this.#broken = false;
    if (settle) {
      // The caller cancelled on purpose (StrictMode cleanup, an aborted signal): reject the pending
      // mount() without an unhandled-rejection report. Load errors stay unhandled so they surface.
      settle.promise.catch(noop);
      settle.reject(reason);
    }
  }

  #fail(error: TokenframeError): void {
    const settle = this.#settle;
    this.#settle = undefined;
    this.emit('loaderror', { ...error.toJSON(), field: this.type });
    settle?.reject(error);
  }

  #onEvent(event: FrameEvent): void {
    switch (event.name) {
      case 'ready':
        return; // the field is ready when its configure is answered and the controller is ready
      case 'loaderror':
        return this.#fail(toTokenframeError(event.detail));
      case 'change': {
        const detail = { ...event.detail, field: this.type };
        this.emit('change', detail);
        return this.#host.changed(this, detail);
      }
      case 'resize':
        if (this.#frame) this.#frame.iframe.style.height = `${Math.min(Math.max(event.detail.height, 0), 2000)}px`;
        return;
      case 'focus':
      case 'blur':
        this.#focused = event.name === 'focus';
    }
    this.emit(event.name, { field: this.type });
  }

  #resolve(target: unknown): Element | ShadowRoot {
    let node = target;
    if (typeof target === 'string') {
      try {
        node = this.#host.env.document.querySelector(target);
      } catch {
        misuse(`mount('${target}'): invalid selector.`);
      }
      if (!node) misuse(`mount('${target}'): no element matches. Pass the element.`);
    }
    const type = (node as Node | null)?.nodeType;
    if (type !== 1 && type !== 11) misuse('mount(target): target must be a selector, Element or ShadowRoot.');
    return node as Element | ShadowRoot;
  }
}
