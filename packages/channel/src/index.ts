// The public surface of @tokenframe/channel (STYLE.md §10). Page side: connectToFrame; frame side: acceptParent.
export { connectToFrame } from './connect-to-frame';
export type { ConnectToFrameOptions, FrameConnection } from './connect-to-frame';
export { acceptParent, ParentConnection } from './accept-parent';
export type { AcceptParentOptions } from './accept-parent';
export { ChannelError } from './channel-error';
export type { ChannelWindow, FrameEventInput, ParamsOf, RequestHandler } from './types';
