import { connectToFrame } from '@tokenframe/channel';
import type { FrameConnector } from './frame-connection';

/**
 * The real transport: @tokenframe/channel's page side (HELLO/CONNECT handshake with exact source
 * and origin checks, then a private MessagePort), adapted to the SDK's FrameConnection seam.
 */
export const connectWithChannel: FrameConnector = ({ iframe, frameOrigin, mount, role, timeoutMs }) => {
  const connection = connectToFrame({ iframe, frameOrigin, mount, role, timeoutMs });
  return {
    ready: connection.ready,
    request: (method, params, requestTimeoutMs) => connection.request(method, params, requestTimeoutMs === undefined ? undefined : { timeoutMs: requestTimeoutMs }),
    onEvent: (handler) => connection.onEvent(handler),
    onReconnect: (handler) => connection.onReconnect(handler),
    onIntegrityError: (handler) => connection.onIntegrityError(handler),
    destroy: () => connection.destroy(),
  };
};
