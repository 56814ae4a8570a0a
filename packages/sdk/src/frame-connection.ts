import type { ConnectToFrameOptions, FrameConnection } from '@tokenframe/channel';
import type { FrameRole } from '@tokenframe/protocol';

export type { FrameConnection };

/** What the SDK passes to the page side of @tokenframe/channel (always with a role and a timeout). */
export type ConnectOptions = Omit<ConnectToFrameOptions, 'window'> & { role: FrameRole; timeoutMs: number };

/**
 * The seam between the SDK and @tokenframe/channel's `connectToFrame`: unit tests pass a fake
 * transport of the same shape and run the SDK without a browser.
 */
export type FrameConnector = (options: ConnectOptions) => FrameConnection;
