import type { ChannelWindow } from './types';

export interface Captured {
  listen(type: 'message' | 'load', fn: (e: MessageEvent) => void): () => void;
  MessageChannel: typeof MessageChannel;
  setTimeout: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimeout: (t: ReturnType<typeof setTimeout>) => void;
}

/**
 * Reads every global the channel needs once, at creation: a script that later replaces
 * `window.addEventListener` or `MessageChannel` cannot slip into an open connection.
 */
export function captureGlobals(win: ChannelWindow): Captured {
  const add = win.addEventListener;
  const remove = win.removeEventListener;
  const setT = win.setTimeout;
  const clearT = win.clearTimeout;
  return {
    MessageChannel: win.MessageChannel,
    setTimeout: (fn, ms) => setT.call(win, fn, ms),
    clearTimeout: (t) => clearT.call(win, t),
    listen(type, fn) {
      const handler = fn as EventListener;
      add.call(win, type, handler);
      return () => remove.call(win, type, handler);
    },
  };
}
