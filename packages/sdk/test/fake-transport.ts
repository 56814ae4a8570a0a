/**
 * A fake transport (STYLE.md §11, like penpal's mockMessenger): it stands where @tokenframe/channel
 * and the frame documents would be, so the SDK's surface and lifecycle run in happy-dom without a
 * browser. Each FakeFrame records requests and lets a test script the frame's side.
 */
import type { FrameEvent, FrameRole, RequestMethod, TokenizeResult } from '@tokenframe/protocol';
import type { ConnectOptions, FrameConnection, FrameConnector } from '../src/frame-connection';

type Distribute<T> = T extends unknown ? Omit<T, 'ns' | 'type'> : never;
export type FakeEvent = Distribute<FrameEvent>;

export class FakeFrame {
  readonly options: ConnectOptions;
  readonly requests: { method: RequestMethod; params: unknown }[] = [];
  destroyed = false;
  #hello!: { resolve: () => void; reject: (error: unknown) => void };
  readonly connection: FrameConnection;

  constructor(
    options: ConnectOptions,
    readonly network: FakeNetwork,
  ) {
    this.options = options;
    const ready = new Promise<void>((resolve, reject) => (this.#hello = { resolve, reject }));
    this.connection = {
      ready,
      request: (method, params) => this.#request(method, params),
      destroy: () => {
        this.destroyed = true;
      },
    };
    if (network.behavior === 'ok') queueMicrotask(() => this.#hello.resolve());
    if (network.behavior === 'silent')
      queueMicrotask(() => this.#hello.reject(Object.assign(new Error('no HELLO'), { code: 'frame_load_timeout' })));
    if (network.behavior === 'incompatible')
      queueMicrotask(() => this.#hello.reject(Object.assign(new Error('v2'), { code: 'incompatible_version' })));
  }

  get role(): FrameRole {
    return this.options.role;
  }
  get url(): URL {
    return new URL(this.options.iframe.src);
  }

  emit(event: FakeEvent): void {
    this.options.onEvent?.({ ns: 'tokenframe', type: 'event', ...event } as FrameEvent);
  }
  reload(): void {
    this.options.onReconnect?.();
  }
  takeover(): void {
    this.options.onFailure?.(Object.assign(new Error('replaced'), { code: 'frame_integrity' }) as never);
  }

  async #request(method: RequestMethod, params: unknown): Promise<TokenizeResult | null> {
    if (this.destroyed) throw Object.assign(new Error('port closed'), { code: 'frame_removed' });
    this.requests.push({ method, params });
    await Promise.resolve();
    if (method === 'configure' && this.network.configureError) throw this.network.configureError;
    if (method === 'configure') this.emit({ name: 'ready' }); // as the real frames do: before the answer
    if (method === 'tokenize') return this.network.tokenizeResult;
    return null;
  }
}

export class FakeNetwork {
  readonly frames: FakeFrame[] = [];
  behavior: 'ok' | 'silent' | 'incompatible' | 'manual' = 'ok';
  configureError?: unknown;
  tokenizeResult: TokenizeResult = { token: 'tok_test_1', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040 } };

  readonly connect: FrameConnector = (options) => {
    const frame = new FakeFrame(options, this);
    this.frames.push(frame);
    return frame.connection;
  };

  live(role?: FrameRole): FakeFrame[] {
    return this.frames.filter((f) => !f.destroyed && (role === undefined || f.role === role));
  }
  field(role: FrameRole): FakeFrame {
    const frame = this.live(role).at(-1);
    if (!frame) throw new Error(`no live ${role} frame`);
    return frame;
  }
}
