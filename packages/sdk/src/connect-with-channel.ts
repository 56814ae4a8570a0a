import { connectToFrame } from '@tokenframe/channel';
import type { FrameEvent, FrameEventName } from '@tokenframe/protocol';
import type { FrameConnector } from './frame-connection';

const EVENTS: readonly FrameEventName[] = ['ready', 'change', 'focus', 'blur', 'escape', 'submit', 'resize', 'loaderror'];

/**
 * The real transport: @tokenframe/channel's page side (HELLO/CONNECT handshake with exact source
 * and origin checks, then a private MessagePort), adapted to the SDK's FrameConnection seam.
 * The channel reports a failure after `ready` only for `frame_integrity` (a reload without HELLO).
 */
export const connectWithChannel: FrameConnector = (options) => {
  const connection = connectToFrame(options);
  return {
    ready: connection.ready,
    request: (method, params, timeoutMs) => connection.request(method, params as never, { timeoutMs }),
    onEvent: (handler) => {
      for (const name of EVENTS) connection.on(name, handler as (event: FrameEvent) => void);
    },
    onReconnect: (handler) => void connection.onReconnect(handler),
    onIntegrityError: (handler) => void connection.onFailure(handler),
    destroy: () => connection.destroy(),
  };
};
