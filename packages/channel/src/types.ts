import type { FrameEvent, PageRequest, RequestMethod, TokenizeResult } from '@tokenframe/protocol';

/** The params a request method takes, or `undefined` for methods without params. */
export type ParamsOf<M extends RequestMethod> = Extract<PageRequest, { method: M }> extends { params: infer P } ? P : undefined;

/** A frame event as the frame emits it: the wire fields (`ns`, `type`) are added by the channel. */
export type FrameEventInput = FrameEvent extends infer E ? (E extends FrameEvent ? Omit<E, 'ns' | 'type'> : never) : never;

export type RequestHandler<M extends RequestMethod> = (params: ParamsOf<M>) => Promise<TokenizeResult | null> | TokenizeResult | null;

/** The globals the channel uses, captured once at creation so later page scripts cannot swap them. */
export interface ChannelWindow {
  addEventListener: Window['addEventListener'];
  removeEventListener: Window['removeEventListener'];
  MessageChannel: typeof MessageChannel;
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
}
