import type { FrameEvent, FrameRole, RequestMethod, TokenizeResult } from '@tokenframe/protocol';

/**
 * What the SDK needs from the page side of @tokenframe/channel, as one seam: `open-frame.ts` adapts
 * the real channel to it, and unit tests drive the SDK through a fake transport of the same shape.
 */
export interface FrameConnection {
  /** Resolves after HELLO + CONNECT; rejects with an error whose `code` says why. */
  readonly ready: Promise<void>;
  request(method: RequestMethod, params?: unknown, timeoutMs?: number): Promise<TokenizeResult | null>;
  /** Every event the frame sends, already validated by the channel's guards. */
  onEvent(handler: (event: FrameEvent) => void): void;
  /** The frame reloaded and said a valid HELLO again: it is empty and needs configuring again. */
  onReconnect(handler: () => void): void;
  /** The frame's `load` fired again without a valid HELLO following: it can no longer be trusted. */
  onIntegrityError(handler: () => void): void;
  destroy(): void;
}

export interface ConnectOptions {
  iframe: HTMLIFrameElement;
  frameOrigin: string;
  mount: string;
  role: FrameRole;
  timeoutMs: number;
}

export type FrameConnector = (options: ConnectOptions) => FrameConnection;
